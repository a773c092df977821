package dev.ilbportal.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.audit.ChainCheck;
import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import dev.ilbportal.support.PortalApplicationTest;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every event type any module of the portal defines is a record, has a well-formed action name of its own, and is
 * recorded in the trail when published: a module that adds an event gets it audited, or this test fails.
 */
@PortalApplicationTest
class PortalEventCompletenessTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditRecorder recorder;

    @Autowired
    PlatformTransactionManager transactions;

    static List<Class<?>> eventTypesOfThePortal() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(PortalEvent.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.ilbportal")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String location = type.getProtectionDomain().getCodeSource().getLocation().toString();
            if (!location.contains("test-classes")) {
                types.add(type);
            }
        }
        return types;
    }

    @Test
    void everyEventTypeIsARecordWithItsOwnWellFormedAction() throws Exception {
        List<Class<?>> types = eventTypesOfThePortal();
        assertThat(types).extracting(Class::getSimpleName)
                .contains("SignedIn", "SignInFailed", "AccessDenied", "AuditExported", "ChainChecked");
        List<String> actions = new ArrayList<>();
        for (Class<?> type : types) {
            assertThat(type.isRecord()).as(type.getName() + " is a record").isTrue();
            String action = sample(type).action();
            assertThat(action).as(type.getName()).matches("[a-z]+\\.[a-z]+(-[a-z]+)*");
            actions.add(action);
        }
        assertThat(actions).doesNotHaveDuplicates();
    }

    @Test
    void everyEventTypeIsRecordedWhenPublished() throws Exception {
        for (Class<?> type : eventTypesOfThePortal()) {
            PortalEvent event = sample(type);
            long before = jdbc.queryForObject("select coalesce(max(sequence), 0) from audit_event", Long.class);

            // Straight to the audit listener: other modules' listeners would act on the made-up sample data.
            new TransactionTemplate(transactions).executeWithoutResult(status -> recorder.record(event));

            assertThat(jdbc.queryForList("select action from audit_event where sequence > ?", String.class, before))
                    .as(type.getName() + " is recorded").containsExactly(event.action());
        }
    }

    @Test
    void everyRecordThatAModuleDeclaresAsAnEventIsAPortalEvent() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().matches(
                ".*\\.[A-Za-z]+Events\\$[A-Za-z]+"));
        List<String> notAudited = new ArrayList<>();
        int found = 0;
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.ilbportal")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isRecord()) {
                found++;
                if (!PortalEvent.class.isAssignableFrom(type)) {
                    notAudited.add(type.getName());
                }
            }
        }
        assertThat(found).as("event records found in *Events classes").isGreaterThan(20);
        assertThat(notAudited).as("event records that would never reach the audit trail").isEmpty();
    }

    /** An instance of an event record with harmless sample values for its components. */
    static PortalEvent sample(Class<?> type) throws Exception {
        return (PortalEvent) sampleRecord(type);
    }

    /** A record built through its canonical constructor from a sample value for each component. */
    private static Object sampleRecord(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            values[i] = sampleValue(components[i].getType());
        }
        Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object sampleValue(Class<?> type) throws Exception {
        if (type == String.class) {
            return "sample";
        } else if (type == java.util.UUID.class) {
            return java.util.UUID.fromString("00000000-0000-4000-8000-000000000001");
        } else if (type == Actor.class) {
            return new Actor("sample-subject", "Sample Person", Set.of("AUDITOR"));
        } else if (type == EventSubject.class) {
            return EventSubject.loadBalancer("lb-sample", "r-sample", "payments");
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == Instant.class) {
            return Instant.parse("2026-01-01T00:00:00Z");
        } else if (Map.class.isAssignableFrom(type)) {
            return Map.of();
        } else if (Set.class.isAssignableFrom(type)) {
            return Set.of();
        } else if (Collection.class.isAssignableFrom(type)) {
            return List.of();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type == ChainCheck.Result.class) {
            return new ChainCheck.Result(true, 1, 1L, "0".repeat(64), null, null);
        } else if (type.isRecord()) {
            return sampleRecord(type);
        }
        return null;
    }
}
