package dev.ilbportal.home;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.UrlAccessRules;
import java.util.Arrays;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Any person with a portal role may open a feature's placeholder; the controller checks the feature's roles. */
@Component
class HomeAccessRules implements UrlAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/coming-soon/*").hasAnyRole(
                Arrays.stream(PortalRole.values()).map(PortalRole::roleName).toArray(String[]::new));
    }
}
