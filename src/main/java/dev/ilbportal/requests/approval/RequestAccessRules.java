package dev.ilbportal.requests.approval;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.UrlAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may reach the request page, its decisions and the approval queue. The patterns match a request id only, so
 * the wizard's own addresses ({@code /requests/new}, {@code /requests/{id}/firewall}, ...) are ruled elsewhere;
 * the page itself then shows a request only to those {@code RequestVisibility} lets see it.
 */
@Component
class RequestAccessRules implements UrlAccessRules {

    private static final String REQUEST = "/requests/{id:[0-9a-f\\-]{36}}";

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, REQUEST).hasAnyRole(PortalRole.REQUESTER.roleName(),
                PortalRole.APPROVER.roleName(), PortalRole.AUDITOR.roleName(), PortalRole.ADMIN.roleName());
        rules.requestMatchers(HttpMethod.POST, REQUEST + "/approve", REQUEST + "/reject")
                .hasRole(PortalRole.APPROVER.roleName());
        rules.requestMatchers(HttpMethod.POST, REQUEST + "/override").hasRole(PortalRole.ADMIN.roleName());
        rules.requestMatchers(HttpMethod.POST, REQUEST + "/withdraw").hasRole(PortalRole.REQUESTER.roleName());
        rules.requestMatchers(HttpMethod.GET, "/approvals").hasRole(PortalRole.APPROVER.roleName());
    }
}
