package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.notifications.Person;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people the portal has seen sign in, so it knows whom to tell when nobody is signed in. */
@Repository
class People {

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(CurrentUser user, Instant now) {
        jdbc.sql("""
                        insert into notification_person (subject, display_name, email, roles, teams, last_seen_at)
                        values (:subject, :name, :email, :roles, :teams, :now)
                        on conflict (subject) do update set display_name = excluded.display_name,
                            email = excluded.email, roles = excluded.roles, teams = excluded.teams,
                            last_seen_at = excluded.last_seen_at""")
                .param("subject", user.subject())
                .param("name", user.displayName())
                .param("email", user.email())
                .param("roles", user.roles().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("teams", user.sortedTeams().toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<Person> find(String subject) {
        return jdbc.sql("select * from notification_person where subject = ?").param(subject)
                .query(People::person).optional();
    }

    /** {@code subject} if they signed in at {@code seenSince} or later. */
    Optional<Person> findSeenSince(String subject, Instant seenSince) {
        return jdbc.sql("select * from notification_person where subject = ? and last_seen_at >= ?")
                .params(subject, Timestamp.from(seenSince)).query(People::person).optional();
    }

    /** The holders of {@code role} as last seen, among those who signed in at {@code seenSince} or later. */
    List<Person> withRole(PortalRole role, Instant seenSince) {
        return jdbc.sql("""
                        select * from notification_person where roles @> array[?]::text[] and last_seen_at >= ?
                        order by subject""")
                .params(role.name(), Timestamp.from(seenSince)).query(People::person).list();
    }

    /** The members of {@code team} as last seen, among those who signed in at {@code seenSince} or later. */
    List<Person> membersOf(String team, Instant seenSince) {
        return jdbc.sql("""
                        select * from notification_person where teams @> array[?]::text[] and last_seen_at >= ?
                        order by subject""")
                .params(team, Timestamp.from(seenSince)).query(People::person).list();
    }

    private static Person person(ResultSet row, int number) throws SQLException {
        Set<PortalRole> roles = strings(row.getArray("roles")).stream().flatMap(name -> Arrays.stream(PortalRole.values())
                .filter(role -> role.name().equals(name))).collect(Collectors.toSet());
        return new Person(row.getString("subject"), row.getString("display_name"), row.getString("email"), roles,
                Set.copyOf(strings(row.getArray("teams"))), row.getTimestamp("last_seen_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
