package dev.ilbportal.civo.model;

import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a boolean that Civo sometimes sends as a string ({@code "default":"false"}, {@code "ccm_installed":"true"}),
 * a number, an empty string or null; anything else is a malformed body.
 */
public final class LenientBooleanDeserializer extends ValueDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE || token == JsonToken.VALUE_NULL) {
            return false;
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getIntValue() != 0;
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getString().trim().toLowerCase(Locale.ROOT);
            switch (text) {
                case "true", "1", "yes" -> {
                    return true;
                }
                case "false", "0", "no", "" -> {
                    return false;
                }
                default -> {
                    return (Boolean) context.handleWeirdStringValue(Boolean.class, text, "not a boolean");
                }
            }
        }
        return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
    }

    @Override
    public Boolean getNullValue(DeserializationContext context) {
        return false;
    }
}
