package dev.ilbportal.sandbox.civo;

import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Civo's paginated list body {@code {page, per_page, pages, items}}; pages are 1-based, per_page defaults to 20. */
final class Pagination {

    private Pagination() {
    }

    static <T> ObjectNode page(SimulatorRequest request, List<T> all, Function<T, JsonNode> render) {
        int page = positive(request, "page", 1);
        int perPage = positive(request, "per_page", 20);
        int pages = Math.max(1, (int) Math.ceil(all.size() / (double) perPage));
        ObjectNode json = SimulatorJson.object().put("page", page).put("per_page", perPage).put("pages", pages);
        ArrayNode items = json.putArray("items");
        long from = (long) (page - 1) * perPage;
        all.stream().skip(from).limit(perPage).forEach(item -> items.add(render.apply(item)));
        return json;
    }

    private static int positive(SimulatorRequest request, String name, int fallback) {
        String text = request.query(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 1) {
                throw CivoError.invalid(name, "must be 1 or more");
            }
            // civogo lists everything with per_page=99999999 [C].
            return (int) Math.min(value, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw CivoError.invalid(name, "expected a number");
        }
    }
}
