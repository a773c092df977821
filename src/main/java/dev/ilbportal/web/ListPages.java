package dev.ilbportal.web;

import org.springframework.data.domain.PageRequest;

/**
 * The page of a list that a {@code ?page=} parameter asks for, within what the database can be asked: a negative
 * page is the first, and a page whose offset would not fit the query's row offset (an {@code int}) is the last one
 * that does, which is simply empty.
 */
public final class ListPages {

    private ListPages() {
    }

    public static PageRequest of(int page, int size) {
        int last = Integer.MAX_VALUE / size - 1;
        return PageRequest.of(Math.min(Math.max(page, 0), last), size);
    }
}
