package io.airlines.web.search;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.airlines.web.search.Journeys.Journey;
import io.airlines.web.search.Journeys.Leg;

/**
 * One line of a results table, ready to print; {@code *Sort} values let the browser sort it.
 * {@code statuses} has one entry per leg for today's journeys, none otherwise.
 */
public record JourneyRow(String flightNumbers, String carriers, String route,
                         String departure, String departureSort, String arrival, String arrivalSort, int dayOffset,
                         String duration, int durationMinutes, int stops, String aircraft, List<LegStatus> statuses) {

    /** A leg's live status as printed: its flight, the status (message key and token), the delay, a map link. */
    public record LegStatus(String flightNumber, String status, Integer delayMinutes, String transponder) {
        public String messageKey() {
            return "board.status." + status;
        }

        public String mapLink() {
            return transponder == null ? null : "/live?sel=" + transponder;
        }
    }

    public static List<JourneyRow> of(List<Journey> journeys) {
        return journeys == null ? List.of() : journeys.stream().map(JourneyRow::of).toList();
    }

    public static JourneyRow of(Journey j) {
        List<Leg> legs = j.legs();
        int minutes = j.durationMinutes() == null ? 0 : j.durationMinutes();
        int stops = j.stops() != null ? j.stops() : Math.max(0, legs.size() - 1);
        String route = legs.isEmpty() ? j.origin() + " → " + j.destination()
                : legs.get(0).origin() + legs.stream().map(l -> " → " + l.destination()).collect(Collectors.joining());
        return new JourneyRow(
                join(legs.stream().map(Leg::flightNumber).toList(), " + "),
                join(legs.stream().map(Leg::carrierName).distinct().toList(), ", "),
                route,
                time(j.departureLocal()), nullToEmpty(j.departureLocal()),
                time(j.arrivalLocal()), nullToEmpty(j.arrivalLocal()),
                dayOffset(j.departureLocal(), j.arrivalLocal()),
                duration(minutes), minutes, stops,
                join(legs.stream().map(l -> l.aircraftName() != null ? l.aircraftName() : l.aircraft()).distinct().toList(), ", "),
                legs.stream().filter(l -> l.status() != null)
                        .map(l -> new LegStatus(l.flightNumber(), l.status(), l.delayMinutes(), l.transponder())).toList());
    }

    static String duration(int minutes) {
        return minutes / 60 + " h " + String.format("%02d", minutes % 60);
    }

    /** "2026-12-01T10:30" → "10:30"; anything unparsable is shown as given. */
    static String time(String local) {
        LocalDateTime t = parse(local);
        return t == null ? nullToEmpty(local) : String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    /** Days between the local departure date and the local arrival date (+1 for an overnight flight). */
    static int dayOffset(String departureLocal, String arrivalLocal) {
        LocalDateTime d = parse(departureLocal);
        LocalDateTime a = parse(arrivalLocal);
        return d == null || a == null ? 0 : (int) ChronoUnit.DAYS.between(d.toLocalDate(), a.toLocalDate());
    }

    static LocalDate date(String local) {
        LocalDateTime t = parse(local);
        return t == null ? null : t.toLocalDate();
    }

    private static LocalDateTime parse(String local) {
        if (local == null || local.length() < 16) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.substring(0, 16));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String join(List<String> parts, String separator) {
        return parts.stream().filter(Objects::nonNull).collect(Collectors.joining(separator));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
