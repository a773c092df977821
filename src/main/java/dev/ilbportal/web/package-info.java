/** Pieces every feature's pages share: the not-found exception and its mapping to the 404 page. */
@org.springframework.modulith.ApplicationModule(displayName = "Web", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.ilbportal.web;
