package dev.ilbportal.verification.web;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.UrlAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** History for everyone with a role (the controller checks the team); "Verify now" not for auditors. */
@Component
class VerificationAccessRules implements UrlAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/verification/load-balancers/*").hasAnyRole(
                PortalRole.REQUESTER.roleName(), PortalRole.APPROVER.roleName(), PortalRole.AUDITOR.roleName(),
                PortalRole.ADMIN.roleName());
        rules.requestMatchers(HttpMethod.POST, "/verification/load-balancers/*/verify").hasAnyRole(
                PortalRole.REQUESTER.roleName(), PortalRole.APPROVER.roleName(), PortalRole.ADMIN.roleName());
    }
}
