package io.airlines.etl;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.airlines.lufthansa.LufthansaJson;
import io.airlines.schedule.Journey;
import io.airlines.schedule.Leg;
import tools.jackson.databind.JsonNode;

import static io.airlines.lufthansa.LufthansaJson.at;
import static io.airlines.lufthansa.LufthansaJson.text;

/**
 * Lufthansa {@code Schedule} elements → journeys: legs from {@code Flight} (one or many), carrier
 * and flight number as strings, UTC times from the airports' time zones ({@code zoneOf}), duration
 * from {@code TotalJourney.Duration} or the UTC times. Pure; a malformed element is skipped (null).
 */
public final class ScheduleJourneys {

    private ScheduleJourneys() {
    }

    public static Journey of(JsonNode schedule, Function<String, Optional<String>> zoneOf) {
        List<Leg> legs = new ArrayList<>();
        int stops = 0;
        for (JsonNode f : LufthansaJson.list(schedule.path("Flight"))) {
            String carrier = text(f, "MarketingCarrier", "AirlineID");
            String number = text(f, "MarketingCarrier", "FlightNumber");
            String from = text(f, "Departure", "AirportCode");
            String to = text(f, "Arrival", "AirportCode");
            String dep = local(text(f, "Departure", "ScheduledTimeLocal", "DateTime"));
            String arr = local(text(f, "Arrival", "ScheduledTimeLocal", "DateTime"));
            if (carrier == null || number == null || from == null || to == null || dep == null || arr == null) {
                return null;
            }
            Double quantity = LufthansaJson.number(at(f, "Details", "Stops", "StopQuantity"));
            stops += quantity == null ? 0 : quantity.intValue();
            legs.add(new Leg(carrier, null, carrier + number, from, to, dep, arr, text(f, "Equipment", "AircraftCode"), null));
        }
        if (legs.isEmpty()) {
            return null;
        }
        Leg first = legs.get(0);
        Leg last = legs.get(legs.size() - 1);
        var depUtc = LocalDateTime.parse(first.departureLocal()).atZone(zone(zoneOf, first.origin())).toInstant();
        var arrUtc = LocalDateTime.parse(last.arrivalLocal()).atZone(zone(zoneOf, last.destination())).toInstant();
        int minutes = duration(text(schedule, "TotalJourney", "Duration"))
                .orElse((int) Duration.between(depUtc, arrUtc).toMinutes());
        return new Journey(Journey.key(first.origin(), last.destination(), first.departureLocal(), legs),
                first.origin(), last.destination(), first.departureLocal(), last.arrivalLocal(), depUtc.toString(),
                arrUtc.toString(), minutes, stops + legs.size() - 1, ReferenceDocuments.SOURCE, legs);
    }

    /** {@code 2026-12-01T10:30} (seconds dropped), or null. */
    static String local(String value) {
        if (value == null || value.length() < 16) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.substring(0, 16)).toString().substring(0, 16);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** ISO-8601 durations as the API writes them: {@code PT8H35M}, {@code P1DT2H}. */
    static Optional<Integer> duration(String iso) {
        if (iso == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((int) Duration.parse(iso.replaceFirst("^P(\\d+)DT", "P$1DT")).toMinutes());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ZoneId zone(Function<String, Optional<String>> zoneOf, String airport) {
        return zoneOf.apply(airport).flatMap(z -> {
            try {
                return Optional.of(ZoneId.of(z));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }).orElse(ZoneOffset.UTC);
    }
}
