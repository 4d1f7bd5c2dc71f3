package io.airlines.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;


/** Checks of query parameters shared by the batch REST endpoints; each failure names its field. */
public final class ApiParams {

    public static final int MAX_LIMIT = 1000;
    /** Searches and boards cover yesterday (time zones) up to a year ahead. */
    static final int DAYS_BACK = 1;
    static final int DAYS_AHEAD = 365;
    private static final Instant LAST_INSTANT = LocalDate.of(9999, 12, 31).atStartOfDay().toInstant(ZoneOffset.UTC);

    private ApiParams() {
    }

    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field, "parameter '" + field + "' is required (yyyy-MM-dd)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, "parameter '" + field + "' must be a date yyyy-MM-dd, not '"
                    + abbreviate(value) + "'");
        }
        LocalDate today = LocalDate.now();
        if (date.isBefore(today.minusDays(DAYS_BACK)) || date.isAfter(today.plusDays(DAYS_AHEAD))) {
            throw new BadRequestException(field, "parameter '" + field + "' must be between "
                    + today.minusDays(DAYS_BACK) + " and " + today.plusDays(DAYS_AHEAD));
        }
        return date;
    }

    /**
     * An ISO-8601 instant as epoch milliseconds, between 1970 and 9999: beyond, epoch milliseconds
     * overflow (an Instant reaches year 1,000,000,000) and so does any arithmetic on them.
     */
    public static long instant(String field, String value) {
        Instant instant;
        try {
            instant = Instant.parse(required(field, value));
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, "parameter '" + field
                    + "' must be an ISO-8601 instant such as 2026-12-01T10:00:00Z, not '" + abbreviate(value) + "'");
        }
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LAST_INSTANT)) {
            throw new BadRequestException(field, "parameter '" + field + "' must be between " + Instant.EPOCH
                    + " and " + LAST_INSTANT);
        }
        return instant.toEpochMilli();
    }

    /** An optional whole number given as text, so that "ten" is reported on its own field. */
    public static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(field, "parameter '" + field + "' must be a whole number, not '"
                    + abbreviate(value) + "'");
        }
    }

    public static int limit(String value, int fallback) {
        Integer given = integer("limit", value);
        int limit = given == null ? fallback : given;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit", "parameter 'limit' must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public static int offset(String value) {
        Integer given = integer("offset", value);
        int offset = given == null ? 0 : given;
        if (offset < 0) {
            throw new BadRequestException("offset", "parameter 'offset' must not be negative");
        }
        return offset;
    }

    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field, "parameter '" + field + "' is required");
        }
        return value.trim();
    }

    /** Client text echoed in an error, cut short. */
    public static String abbreviate(String value) {
        String v = value.replaceAll("[\\p{Cntrl}]", "?");
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
