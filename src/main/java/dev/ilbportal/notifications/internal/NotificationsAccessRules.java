package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.UrlAccessRules;
import java.util.Arrays;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Everyone with a role chooses their own notifications; only admins manage webhooks and failed deliveries. */
@Component
class NotificationsAccessRules implements UrlAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        String[] everyRole = Arrays.stream(PortalRole.values()).map(PortalRole::roleName).toArray(String[]::new);
        rules.requestMatchers("/settings/notifications").hasAnyRole(everyRole);
        rules.requestMatchers("/admin/webhooks", "/admin/webhooks/**", "/admin/notifications",
                "/admin/notifications/**").hasRole(PortalRole.ADMIN.roleName());
    }
}
