package dev.ilbportal.audit.web;

import dev.ilbportal.audit.AuditReaders;
import dev.ilbportal.identity.UrlAccessRules;
import org.springframework.stereotype.Component;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The audit trail is for auditors only: not even admins read it, so that nobody who can change things reads their own
 * trail unseen. The public key that checkpoints and evidence packs are signed with is public.
 */
@Component
class AuditAccessRules implements UrlAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/audit/public-key").permitAll();
        rules.requestMatchers("/audit", "/audit/**").hasRole(AuditReaders.ROLE.roleName());
    }
}
