package dev.ilbportal.requests.web;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.UrlAccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The wizard and the team requests list are for requesters; the services check the team. The patterns are exact so
 * the request page {@code /requests/{id}} and the approval URLs keep their own rules; they go first so that a
 * broader {@code /requests/*} rule elsewhere cannot open {@code /requests/new} to other roles.
 */
@Component
@Order(0)
class RequestsAccessRules implements UrlAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/requests", "/requests/new", "/requests/*/firewall", "/requests/*/load-balancer",
                        "/requests/*/review", "/requests/*/submit", "/requests/*/delete", "/requests/lookups/*")
                .hasRole(PortalRole.REQUESTER.roleName());
    }
}
