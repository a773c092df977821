package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.requests.Participant;
import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.PortalEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every kind of event the portal records names who did it the same way: a person with the display name people know
 * and the roles they held (spelled as the roles are named, {@code REQUESTER}), or the portal itself. Each event
 * record found on the class path is built with a known person in it; an event that records a subject id as the name,
 * or roles it made up, fails here.
 */
class EventActorsTests {

    static final Set<String> ROLES = Set.of("REQUESTER", "ADMIN");
    static final Actor PERSON = new Actor("3f2a9c1e-subject", "Alice Adeyemi", ROLES);

    static List<Class<?>> eventKinds() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(PortalEvent.class));
        List<Class<?>> kinds = new ArrayList<>();
        for (BeanDefinition found : scanner.findCandidateComponents("dev.ilbportal")) {
            Class<?> kind = Class.forName(found.getBeanClassName());
            if (kind.isRecord()) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static Object valueFor(Class<?> type) {
        if (type == Actor.class) {
            return PERSON;
        }
        if (type == Participant.class) {
            return new Participant(PERSON.subject(), PERSON.displayName(), PERSON.roles());
        }
        if (type == String.class) {
            return PERSON.subject();
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == Instant.class) {
            return Instant.parse("2026-12-01T12:00:00Z");
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(1);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (Set.class.isAssignableFrom(type)) {
            return Set.of();
        }
        if (List.class.isAssignableFrom(type)) {
            return List.of();
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.of();
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        return null;
    }

    private static PortalEvent withThePerson(Class<?> kind) throws ReflectiveOperationException {
        RecordComponent[] components = kind.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = valueFor(types[i]);
        }
        Constructor<?> constructor = kind.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return (PortalEvent) constructor.newInstance(values);
    }

    @Test
    void everyEventKindNamesThePersonWithDisplayNameAndRolesOrThePortal() throws Exception {
        List<Class<?>> kinds = eventKinds();
        assertThat(kinds).as("event kinds found").hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        for (Class<?> kind : kinds) {
            Actor actor = withThePerson(kind).actor();
            boolean portal = actor.subject().startsWith("portal:") && actor.roles().isEmpty();
            boolean anonymous = actor.equals(Actor.anonymous());
            boolean person = actor.subject().equals(PERSON.subject())
                    && actor.displayName().equals(PERSON.displayName()) && actor.roles().equals(ROLES);
            if (!portal && !anonymous && !person) {
                wrong.add(kind.getName() + " records " + actor);
            }
        }
        assertThat(wrong).as("events whose actor is not the person (name and roles) nor the portal").isEmpty();
    }

    @Test
    void rolesAreSpelledAsTheyAreNamedWhoeverBuildsTheActor() {
        assertThat(new Actor("s", "S", Set.of("requester", "Admin")).rolesText()).isEqualTo("ADMIN,REQUESTER");
    }
}
