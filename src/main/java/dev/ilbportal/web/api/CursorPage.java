package dev.ilbportal.web.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * One page of a list: its items and the opaque cursor of the next page ({@code null} on the last). Clients pass
 * {@code nextCursor} back as {@code cursor}; its content is the portal's business and may change.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** The page number a cursor stands for (0 without one); a cursor the portal did not make is a 422. */
    public static int pageOf(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith("p:")) {
                throw new IllegalArgumentException(decoded);
            }
            int page = Integer.parseInt(decoded.substring(2));
            if (page < 0) {
                throw new IllegalArgumentException(decoded);
            }
            return page;
        } catch (IllegalArgumentException notOurs) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "cursor: not a cursor this API handed out; start without one.");
        }
    }

    /** The sequence a keyset cursor stands for (null without one), for lists ordered by a sequence number. */
    public static Long sequenceOf(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith("s:")) {
                throw new IllegalArgumentException(decoded);
            }
            return Long.parseLong(decoded.substring(2));
        } catch (IllegalArgumentException notOurs) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "cursor: not a cursor this API handed out; start without one.");
        }
    }

    public static String cursorOfSequence(long sequence) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("s:" + sequence)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The limit asked for, kept between 1 and {@link #MAX_LIMIT}. */
    public static int limitOf(Integer limit) {
        return limit == null ? DEFAULT_LIMIT : Math.clamp(limit, 1, MAX_LIMIT);
    }

    public static String cursorOf(int page) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("p:" + page).getBytes(StandardCharsets.UTF_8));
    }

    public static <T> CursorPage<T> of(org.springframework.data.domain.Page<T> page) {
        return new CursorPage<>(page.getContent(), page.hasNext() ? cursorOf(page.getNumber() + 1) : null);
    }
}
