package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Civo's short acknowledgement ({@code {"result":"success","id":...}}) of creates and deletes. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SimpleResult(String result, String id, String name) {

    /** Whether Civo reported success; some fakes answer a delete of an unknown id with {@code "failed"}. */
    public boolean succeeded() {
        return "success".equalsIgnoreCase(result);
    }
}
