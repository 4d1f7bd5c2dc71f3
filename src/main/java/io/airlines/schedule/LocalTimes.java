package io.airlines.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.airlines.reference.ReferenceCatalog;

/** Timetable times ({@code yyyy-MM-ddTHH:mm}, local to an airport) as instants. */
final class LocalTimes {

    private LocalTimes() {
    }

    /** The airport's time zone; UTC when the catalog does not know it. */
    static ZoneId zoneOf(ReferenceCatalog catalog, String airport) {
        return catalog.timeZone(airport).flatMap(z -> {
            try {
                return Optional.of(ZoneId.of(z));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }).orElse(ZoneOffset.UTC);
    }

    static Optional<Instant> instant(String local, ZoneId zone) {
        if (local == null || local.length() < 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(local.substring(0, 16)).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
