package dev.ilbportal.notifications.internal;

import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationKind;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each person chose to receive; without a choice, a person receives every kind that concerns them. */
@Repository
class Preferences {

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The kinds {@code subject} switched off on {@code channel}. */
    Set<NotificationKind> switchedOff(String subject, Channel channel) {
        return new HashSet<>(jdbc.sql("""
                        select kind from notification_preference
                        where subject = ? and channel = ? and not enabled""")
                .params(subject, channel.name())
                .query((row, n) -> NotificationKind.valueOf(row.getString("kind"))).list());
    }

    /** Of {@code subjects}, those who switched {@code kind} off on {@code channel}. */
    Set<String> switchedOff(NotificationKind kind, Channel channel, Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select subject from notification_preference
                        where kind = :kind and channel = :channel and not enabled and subject in (:subjects)""")
                .param("kind", kind.name()).param("channel", channel.name()).param("subjects", List.copyOf(subjects))
                .query(String.class).list());
    }

    void choose(String subject, Channel channel, Set<NotificationKind> wanted) {
        for (NotificationKind kind : NotificationKind.peopleChooseFrom()) {
            jdbc.sql("""
                            insert into notification_preference (subject, kind, channel, enabled) values (?, ?, ?, ?)
                            on conflict (subject, kind, channel) do update set enabled = excluded.enabled""")
                    .params(subject, kind.name(), channel.name(), wanted.contains(kind))
                    .update();
        }
    }
}
