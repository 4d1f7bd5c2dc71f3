package io.airlines.flight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One flight of one aircraft: from the first position of a leg (taxi-out or first seen in the air)
 * to its last (on-block, or last seen). Origin and destination are where it was observed to take
 * off and land when it was ({@code routeSource} {@code observed}), else the timetable's, else the
 * record's own. Times are null until seen; {@code delayMinutes} is the departure delay against
 * the timetable when it is known.
 */
public record FlightLeg(
        String id,
        String transponder,
        String registration,
        String aircraftType,
        String country,
        String callsign,
        String flightNumber,
        String airline,
        String airlineName,
        String origin,
        String destination,
        RouteSource routeSource,
        Instant scheduledDeparture,
        Instant scheduledArrival,
        Instant offBlock,
        Instant takeoff,
        Instant landing,
        Instant onBlock,
        Instant firstSeen,
        Instant lastSeen,
        Integer delayMinutes,
        LegStatus status,
        Double maxAltitude,
        double distanceKm,
        int points) {

    /** Where a leg's origin and destination come from, best first. */
    public enum RouteSource {
        OBSERVED, TIMETABLE, RECORD, UNKNOWN;

        /** As in the stored document. */
        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the aircraft is in this leg; {@code LOST} when the leg ended without a landing being seen. */
    public enum LegStatus {
        TAXI_OUT, AIRBORNE, LANDED, ARRIVED, LOST;

        /** As in the stored document. */
        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * A leg's id: the UTC time of its first point, then the transponder ({@code 20261205-104233-3c6444}),
     * so the legs of a day are one range of {@code _id} and the id reads well in a URL.
     */
    public static String idOf(Instant firstSeen, String transponder) {
        return ID_TIME.format(firstSeen) + "-" + transponder;
    }

    /** The UTC day a leg is listed under: the day of its first point. */
    @JsonIgnore
    public LocalDate day() {
        return LocalDate.ofInstant(firstSeen, ZoneOffset.UTC);
    }

    @JsonIgnore
    public boolean open() {
        return status != LegStatus.ARRIVED && status != LegStatus.LOST;
    }
}
