package dev.ilbportal.provisioning.web;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.UrlAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Progress is for whoever may see the request (checked per request); retry and abandon are for admins; a
 * firewall restore is asked for by the team's requesters or an admin (checked again per load balancer). */
@Component
class ProvisioningAccessRules implements UrlAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/provisioning/requests/*", "/provisioning/requests/*/manifest.yaml").hasAnyRole(PortalRole.REQUESTER.roleName(),
                PortalRole.APPROVER.roleName(), PortalRole.AUDITOR.roleName(), PortalRole.ADMIN.roleName());
        rules.requestMatchers(HttpMethod.POST, "/provisioning/jobs/*/retry", "/provisioning/jobs/*/abandon")
                .hasRole(PortalRole.ADMIN.roleName());
        rules.requestMatchers(HttpMethod.GET, "/admin/provisioning").hasRole(PortalRole.ADMIN.roleName());
        rules.requestMatchers("/inventory/*/decommission").hasRole(PortalRole.REQUESTER.roleName());
        rules.requestMatchers("/inventory/*/restore-firewall").hasAnyRole(PortalRole.REQUESTER.roleName(),
                PortalRole.ADMIN.roleName());
        rules.requestMatchers(HttpMethod.GET, "/inventory").hasAnyRole(PortalRole.REQUESTER.roleName(),
                PortalRole.AUDITOR.roleName(), PortalRole.ADMIN.roleName());
    }
}
