/**
 * The Kubernetes target: a Service of type LoadBalancer in a Civo cluster, whose load balancer Civo's cloud controller
 * manager builds; this module renders and checks that Service and applies it through the cluster's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kubernetes",
        allowedDependencies = { "civo", "civo :: model", "shared", "web" })
package dev.ilbportal.kubernetes;
