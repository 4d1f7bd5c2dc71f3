package io.airlines.web.airport;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An API instant as a board prints it: hours and minutes in the airport's time zone. */
final class LocalClock {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private LocalClock() {
    }

    static String hhmm(String instant, String zone) {
        if (instant == null) {
            return "";
        }
        try {
            return HH_MM.format(Instant.parse(instant).atZone(zone == null ? ZoneId.of("UTC") : ZoneId.of(zone)));
        } catch (DateTimeException e) {
            return "";
        }
    }
}
