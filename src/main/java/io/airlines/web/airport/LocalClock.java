package io.airlines.web.airport;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An API instant as a board prints it: hours and minutes in the airport's time zone, and that zone's offset. */
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

    /** "UTC+01:00" for Frankfurt on a winter day: the zone's offset at noon of that day ("UTC" when unknown). */
    static String utcOffset(String zone, LocalDate day) {
        if (zone == null) {
            return "UTC";
        }
        try {
            String offset = ZoneId.of(zone).getRules().getOffset(day.atTime(LocalTime.NOON)).getId();
            return "Z".equals(offset) ? "UTC" : "UTC" + offset;
        } catch (DateTimeException e) {
            return "UTC";
        }
    }
}
