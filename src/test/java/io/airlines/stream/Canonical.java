package io.airlines.stream;

import java.util.Locale;

/** Canonical position JSON as a receiver-side producer would write it. */
public final class Canonical {

    private Canonical() {
    }

    public static String json(String key, long time, double lat, double lon, double altitude, String squawk,
                              String source) {
        return String.format(Locale.ROOT,
                "{\"key\":\"%s\",\"callsign\":\"TST%s\",\"lat\":%.5f,\"lon\":%.5f,\"altitude\":%.1f,\"speed\":800,"
                        + "\"track\":90,\"verticalRate\":0,\"squawk\":\"%s\",\"onGround\":false,\"source\":\"%s\",\"time\":%d}",
                key, key.length() > 4 ? key.substring(key.length() - 4) : key, lat, lon, altitude, squawk, source, time);
    }
}
