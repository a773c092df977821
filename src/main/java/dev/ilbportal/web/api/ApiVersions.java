package dev.ilbportal.web.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API's optimistic concurrency: every object carries its version as a strong {@code ETag}; a change names the
 * version it was based on in {@code If-Match} (or the body's {@code version}). A stale one is 412, none at all 428.
 */
public final class ApiVersions {

    private ApiVersions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version a change was based on: {@code If-Match} first, the body's version otherwise. */
    public static long basedOn(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException notOurs) {
                throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                        "If-Match names no version of this object; send the ETag you read.");
            }
        }
        if (bodyVersion != null) {
            return bodyVersion;
        }
        throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
                "Send If-Match with the ETag you read (or the body's version), so a change nobody saw is not overwritten.");
    }

    /** Refuses a change based on a version other than the current one. */
    public static void requireCurrent(long basedOn, long current) {
        if (basedOn != current) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED, "This object is at version " + current
                    + ", not " + basedOn + "; read it again and retry.");
        }
    }
}
