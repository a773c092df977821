package dev.ilbportal.civo.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads tags that Civo sends either as an array or, on Kubernetes clusters, as a space-separated string (often
 * {@code ""}); null reads as no tags.
 */
public final class TagsDeserializer extends ValueDeserializer<List<String>> {

    @Override
    public List<String> deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return Arrays.stream(parser.getString().trim().split("\\s+")).filter(tag -> !tag.isEmpty()).toList();
        }
        if (token == JsonToken.START_ARRAY) {
            List<String> tags = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    tags.add(parser.getString());
                } else if (parser.currentToken() != JsonToken.VALUE_NULL) {
                    @SuppressWarnings("unchecked")
                    List<String> unexpected = (List<String>) context.handleUnexpectedToken(List.class, parser);
                    return unexpected;
                }
            }
            return List.copyOf(tags);
        }
        @SuppressWarnings("unchecked")
        List<String> unexpected = (List<String>) context.handleUnexpectedToken(List.class, parser);
        return unexpected;
    }

    @Override
    public List<String> getNullValue(DeserializationContext context) {
        return List.of();
    }
}
