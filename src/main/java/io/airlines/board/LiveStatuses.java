package io.airlines.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.airlines.board.TimetableFlight.Side;
import io.airlines.flight.FlightLeg;
import io.airlines.flight.LegStore;
import io.airlines.live.LiveView;
import io.airlines.stream.Position;
import org.springframework.stereotype.Component;

/**
 * Live statuses of timetabled flights: per airport, one read of the legs first seen around their
 * times (a walk along the airport's leg keys, whatever the number of flights) and one of the
 * {@link Cancellations} announced around them, then each flight's leg, its live ETA from the
 * in-memory live view, and {@link StatusRules}, on the application's clock.
 */
@Component
public class LiveStatuses {

    /** How long before its scheduled departure an aircraft may be seen at its gate. */
    static final Duration SEEN_BEFORE_DEPARTURE = Duration.ofHours(3);
    /** How long before its scheduled arrival a flight may have been first seen: the longest flights. */
    static final Duration SEEN_BEFORE_ARRIVAL = Duration.ofHours(20);

    private final LegStore legs;
    private final Cancellations cancellations;
    private final LiveView live;
    private final Clock clock;

    public LiveStatuses(LegStore legs, Cancellations cancellations, LiveView live, Clock clock) {
        this.legs = legs;
        this.cancellations = cancellations;
        this.live = live;
        this.clock = clock;
    }

    /** One status per flight, in the order given. */
    public List<LiveStatus> of(List<TimetableFlight> flights) {
        Instant now = clock.instant();
        Map<String, List<TimetableFlight>> byAirport = new LinkedHashMap<>();
        flights.forEach(f -> byAirport.computeIfAbsent(f.airport(), a -> new ArrayList<>()).add(f));
        Map<String, LegMatch> matches = new LinkedHashMap<>();
        Map<TimetableFlight, TimetableFlight> announced = new HashMap<>();
        byAirport.forEach((airport, ofAirport) -> {
            matches.put(airport, new LegMatch(legsAround(airport, ofAirport, now)));
            List<TimetableFlight> marked = cancellations.marked(airport, ofAirport);
            for (int i = 0; i < marked.size(); i++) {
                announced.put(ofAirport.get(i), marked.get(i));
            }
        });
        return flights.stream().map(f -> {
            FlightLeg leg = matches.get(f.airport()).legOf(f).orElse(null);
            return StatusRules.status(announced.get(f), leg, leg == null ? null : eta(leg), now);
        }).toList();
    }

    private List<FlightLeg> legsAround(String airport, List<TimetableFlight> flights, Instant now) {
        Instant from = flights.stream()
                .map(f -> f.scheduled().minus(f.side() == Side.DEPARTURE ? SEEN_BEFORE_DEPARTURE : SEEN_BEFORE_ARRIVAL))
                .min(Comparator.naturalOrder()).orElse(now);
        Instant latest = flights.stream().map(TimetableFlight::scheduled).max(Comparator.naturalOrder()).orElse(now)
                .plus(LegMatch.WINDOW);
        Instant to = latest.isBefore(now) ? latest : now.plusSeconds(1);
        return legs.ofAirport(airport, from, to);
    }

    /** The live ETA of an open leg, when the live view still shows its aircraft on that leg. */
    private Instant eta(FlightLeg leg) {
        Position p = leg.open() ? live.get(leg.transponder()) : null;
        if (p == null || p.eta() == null || p.time() < leg.firstSeen().toEpochMilli()
                || !Objects.equals(TimetableFlight.normalized(p.flightNumber()), TimetableFlight.normalized(leg.flightNumber()))) {
            return null;
        }
        try {
            return Instant.parse(p.eta());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
