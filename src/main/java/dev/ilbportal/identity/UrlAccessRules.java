package dev.ilbportal.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The URL rules one feature module contributes. Every URL is denied unless some module's rules allow it, so a
 * module states exactly who may reach its pages and actions; controllers still check finer rules themselves.
 */
@FunctionalInterface
public interface UrlAccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
