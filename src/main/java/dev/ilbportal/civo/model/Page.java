package dev.ilbportal.civo.model;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One page of a paginated Civo list (instances, Kubernetes clusters); {@code perPage} may be null because one of
 * Civo's own examples sends it so.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Page<T>(int page, Integer perPage, int pages, List<T> items) {

    public Page {
        items = Lists.orEmpty(items);
    }

    /** Whether a later page exists. */
    public boolean hasMore() {
        return page < pages;
    }
}
