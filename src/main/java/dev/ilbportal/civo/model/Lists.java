package dev.ilbportal.civo.model;

import java.util.List;
import java.util.Objects;

/** Civo sends {@code null} (or nothing) where an array is empty; records hold an empty list instead. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    static <T> List<T> copyOrNull(List<T> values) {
        return values == null ? null : values.stream().filter(Objects::nonNull).toList();
    }
}
