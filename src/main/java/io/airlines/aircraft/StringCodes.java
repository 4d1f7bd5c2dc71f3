package io.airlines.aircraft;

import java.util.HashMap;
import java.util.Map;

/**
 * Codes for values that repeat across aircraft (type designators, models, operators): each distinct
 * value is stored once and aircraft hold its code. The lookup map lives only while loading.
 */
final class StringCodes {

    static final int NONE = -1;

    private final PackedStrings values = new PackedStrings();
    private Map<String, Integer> codes = new HashMap<>();

    int code(String value) {
        if (value == null) {
            return NONE;
        }
        return codes.computeIfAbsent(value, values::add);
    }

    String value(int code) {
        return code == NONE ? null : values.get(code);
    }

    /** Frees the lookup map: no more values are coded after this. */
    StringCodes seal() {
        codes = Map.of();
        values.trim();
        return this;
    }

    long footprintBytes() {
        return values.footprintBytes();
    }
}
