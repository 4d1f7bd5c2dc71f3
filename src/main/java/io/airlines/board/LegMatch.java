package io.airlines.board;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import io.airlines.board.TimetableFlight.Side;
import io.airlines.flight.FlightLeg;

/**
 * Finds the leg that flew a timetabled flight among legs of its airport: same flight number,
 * leaving from (or arriving at) the board's airport, within {@link #WINDOW} of its scheduled
 * time, so yesterday's flight of the same number never answers for today's. Among those, a leg
 * whose other end is the timetable's too wins, then the latest seen (a leg cut by a coverage gap
 * is followed by the one that goes on).
 */
final class LegMatch {

    /** Under a day, so a daily flight number picks its own day; over any ordinary delay. */
    static final Duration WINDOW = Duration.ofHours(12);

    private final Map<String, List<FlightLeg>> byFlightNumber;

    LegMatch(Collection<FlightLeg> legs) {
        this.byFlightNumber = legs.stream().filter(l -> l.flightNumber() != null)
                .collect(Collectors.groupingBy(l -> TimetableFlight.normalized(l.flightNumber())));
    }

    Optional<FlightLeg> legOf(TimetableFlight flight) {
        Comparator<FlightLeg> best = Comparator.<FlightLeg, Boolean>comparing(l -> otherEnd(l, flight)
                        .equals(flight.otherAirport()))
                .thenComparing(FlightLeg::firstSeen);
        return byFlightNumber.getOrDefault(TimetableFlight.normalized(flight.flightNumber()), List.of()).stream()
                .filter(l -> flight.airport().equals(flight.side() == Side.DEPARTURE ? l.origin() : l.destination()))
                .filter(l -> near(reference(l, flight.side()), flight.scheduled()))
                .max(best);
    }

    private static String otherEnd(FlightLeg leg, TimetableFlight flight) {
        return Objects.requireNonNullElse(flight.side() == Side.DEPARTURE ? leg.destination() : leg.origin(), "");
    }

    /** The leg's time to compare with the timetable's: its own scheduled time, else what was seen. */
    private static Instant reference(FlightLeg leg, Side side) {
        return side == Side.DEPARTURE
                ? firstKnown(leg.scheduledDeparture(), leg.offBlock(), leg.takeoff(), leg.firstSeen())
                : firstKnown(leg.scheduledArrival(), leg.landing(), leg.onBlock(), leg.lastSeen());
    }

    private static boolean near(Instant reference, Instant scheduled) {
        return reference != null && Duration.between(reference, scheduled).abs().compareTo(WINDOW) <= 0;
    }

    private static Instant firstKnown(Instant... times) {
        for (Instant t : times) {
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
