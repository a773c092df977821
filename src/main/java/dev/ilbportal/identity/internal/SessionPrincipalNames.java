package dev.ilbportal.identity.internal;

import dev.ilbportal.identity.CurrentUser;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.IndexResolver;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The name each session is indexed by in {@code spring_session.principal_name} (255 characters since V165): the
 * signed-in person's subject as {@link CurrentUser#boundedSubject(String)} keeps it, so a provider's very long subject
 * cannot fail the session's insert and the index holds the same value the rest of the portal knows the person by.
 */
@Configuration(proxyBeanMethods = false)
class SessionPrincipalNames {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> boundedPrincipalNames() {
        IndexResolver<Session> principalNames = new PrincipalNameIndexResolver<>();
        return repository -> repository.setIndexResolver(session -> {
            Map<String, String> indexes = new HashMap<>(principalNames.resolveIndexesFor(session));
            indexes.replaceAll((index, value) -> CurrentUser.boundedSubject(value));
            return indexes;
        });
    }
}
