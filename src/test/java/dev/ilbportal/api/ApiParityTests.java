package dev.ilbportal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.support.PortalApplicationTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every action of the pages has its counterpart in the API. The table below is the reviewed mapping: a new page
 * action fails this test until it is added here with the API operation that does the same through the same service.
 */
@PortalApplicationTest
class ApiParityTests {

    static final Map<String, String> PAGE_TO_API = Map.ofEntries(
            Map.entry("POST /requests/new", "POST /api/v1/requests"),
            Map.entry("POST /requests/{id}/firewall", "PUT /api/v1/requests/{id}"),
            Map.entry("POST /requests/{id}/load-balancer", "PUT /api/v1/requests/{id}"),
            Map.entry("POST /requests/{id}/submit", "POST /api/v1/requests/{id}/submit"),
            Map.entry("POST /requests/{id}/delete", "DELETE /api/v1/requests/{id}"),
            Map.entry("POST /requests/{id}/approve", "POST /api/v1/requests/{id}/approve"),
            Map.entry("POST /requests/{id}/reject", "POST /api/v1/requests/{id}/reject"),
            Map.entry("POST /requests/{id}/override", "POST /api/v1/requests/{id}/override"),
            Map.entry("POST /requests/{id}/withdraw", "POST /api/v1/requests/{id}/withdraw"),
            Map.entry("POST /inventory/{id}/decommission", "POST /api/v1/inventory/{id}/decommission"),
            Map.entry("POST /inventory/{id}/restore-firewall", "POST /api/v1/inventory/{id}/restore-firewall"),
            Map.entry("POST /provisioning/jobs/{jobId}/retry", "POST /api/v1/admin/jobs/{jobId}/retry"),
            Map.entry("POST /provisioning/jobs/{jobId}/abandon", "POST /api/v1/admin/jobs/{jobId}/abandon"),
            Map.entry("POST /verification/load-balancers/{id}/verify", "POST /api/v1/inventory/{id}/verifications"),
            Map.entry("POST /audit/chain-checks", "POST /api/v1/audit/chain-checks"),
            Map.entry("POST /audit/checkpoints", "POST /api/v1/audit/checkpoints"),
            Map.entry("POST /settings/notifications", "PUT /api/v1/me/notifications/{channel}"),
            Map.entry("POST /inventory/{id}/extend", "POST /api/v1/inventory/{id}/extend"),
            Map.entry("POST /admin/webhooks", "POST /api/v1/admin/webhooks"),
            Map.entry("POST /admin/webhooks/{id}/enable", "POST /api/v1/admin/webhooks/{id}/enable"),
            Map.entry("POST /admin/webhooks/{id}/disable", "POST /api/v1/admin/webhooks/{id}/disable"),
            Map.entry("POST /admin/webhooks/{id}/delete", "DELETE /api/v1/admin/webhooks/{id}"),
            Map.entry("POST /admin/notifications/{id}/send-again", "POST /api/v1/admin/deliveries/{id}/send-again"));

    static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyStateChangingPageActionHasAnApiCounterpart() {
        Set<String> pageActions = new TreeSet<>();
        Set<String> apiOperations = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods().forEach(method ->
                info.getPatternValues().forEach(pattern -> {
                    String operation = method + " " + pattern.replaceAll("\\{(\\w+):[^}]*}+", "{$1}");
                    if (pattern.startsWith("/api/")) {
                        apiOperations.add(operation);
                    } else if (CHANGING.contains(method)) {
                        pageActions.add(operation);
                    }
                })));

        assertThat(pageActions).as("page actions without a reviewed API counterpart (add them to PAGE_TO_API)")
                .isSubsetOf(PAGE_TO_API.keySet());
        assertThat(pageActions).as("the table names page actions that are gone").containsAll(PAGE_TO_API.keySet());
        Map<String, String> missing = new TreeMap<>(PAGE_TO_API);
        missing.values().removeIf(apiOperations::contains);
        assertThat(missing).as("API counterparts that do not exist").isEmpty();
    }
}
