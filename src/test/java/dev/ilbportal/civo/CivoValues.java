package dev.ilbportal.civo;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random Civo records for round-trip tests, reproducible from a seed: strings with JSON's awkward characters (sometimes
 * null), small numbers, short lists, and nested records built the same way through their canonical constructors.
 */
final class CivoValues {

    private static final char[] AWKWARD = {'é', '中', '\n', '"', '\\', '\t'};
    private static final String LIST_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./:-";

    private final Random random;

    CivoValues(long seed) {
        this.random = new Random(seed);
    }

    /** A record of the given type with every component generated. */
    <T extends Record> T next(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getGenericType());
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** A string of up to 16 printable or awkward characters, null one time in ten. */
    String string() {
        if (random.nextInt(10) == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(17);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(8) == 0 ? AWKWARD[random.nextInt(AWKWARD.length)]
                    : (char) (' ' + random.nextInt('~' - ' ' + 1)));
        }
        return text.toString();
    }

    /** A number between -1 and 70,000. */
    int integer() {
        return random.nextInt(-1, 70_001);
    }

    private List<String> stringList() {
        List<String> values = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(19);
            for (int j = 0; j < length; j++) {
                text.append(LIST_CHARS.charAt(random.nextInt(LIST_CHARS.length())));
            }
            values.add(text.toString());
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private Object value(Type type) {
        if (type == String.class) {
            return string();
        }
        if (type == int.class || type == Integer.class) {
            return integer();
        }
        if (type == boolean.class || type == Boolean.class) {
            return random.nextBoolean();
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            if (element == String.class) {
                return stringList();
            }
            List<Object> values = new ArrayList<>();
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                values.add(value(element));
            }
            return values;
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            return next((Class<? extends Record>) record);
        }
        throw new IllegalArgumentException("no generator for " + type);
    }
}
