package io.airlines.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One-stop journeys built from a flight into a hub and a flight out of it, as airline schedules
 * offer them: the second flight leaves at least the minimum connection time after the first lands
 * and at most {@link #MAX_WAIT_MINUTES} later.
 */
final class Connections {

    /** Time to walk between gates of a hub with the bags transferred. */
    static final int MIN_CONNECTION_MINUTES = 45;
    /** After a long haul, passengers pass immigration and security again before a short flight. */
    static final int MIN_CONNECTION_AFTER_LONG_HAUL_MINUTES = 60;
    static final int LONG_HAUL_MINUTES = 6 * 60;
    /** Beyond this, travellers take another flight or another day. */
    static final int MAX_WAIT_MINUTES = 6 * 60;
    /** A connection taking more than this many times the fastest non-stop flight is a detour nobody books. */
    static final int MAX_DETOUR_FACTOR = 2;
    static final int MAX_CONNECTIONS = 10;

    private Connections() {
    }

    /** Every fitting pair of a flight in {@code into} followed by one in {@code onward}. */
    static List<Journey> of(List<Journey> into, List<Journey> onward) {
        List<Journey> out = new ArrayList<>();
        for (Journey first : into) {
            for (Journey second : onward) {
                connect(first, second).ifPresent(out::add);
            }
        }
        return out;
    }

    static Optional<Journey> connect(Journey first, Journey second) {
        if (!first.destination().equals(second.origin()) || first.origin().equals(second.destination())) {
            return Optional.empty();
        }
        Instant landed = Instant.parse(first.arrivalUtc());
        Instant leaves = Instant.parse(second.departureUtc());
        long wait = Duration.between(landed, leaves).toMinutes();
        if (wait < minimumConnection(first, second) || wait > MAX_WAIT_MINUTES) {
            return Optional.empty();
        }
        List<Leg> legs = Stream.concat(first.legs().stream(), second.legs().stream()).toList();
        int minutes = (int) Duration.between(Instant.parse(first.departureUtc()), Instant.parse(second.arrivalUtc())).toMinutes();
        return Optional.of(new Journey(Journey.key(first.origin(), second.destination(), first.departureLocal(), legs),
                first.origin(), second.destination(), first.departureLocal(), second.arrivalLocal(), first.departureUtc(),
                second.arrivalUtc(), minutes, first.stops() + second.stops() + 1, first.source(), legs));
    }

    static int minimumConnection(Journey first, Journey second) {
        boolean longToShort = first.durationMinutes() >= LONG_HAUL_MINUTES && second.durationMinutes() < LONG_HAUL_MINUTES;
        return longToShort ? MIN_CONNECTION_AFTER_LONG_HAUL_MINUTES : MIN_CONNECTION_MINUTES;
    }

    /**
     * Non-stop journeys first, as stored, then the quickest connections (at most
     * {@link #MAX_CONNECTIONS}, none more than {@link #MAX_DETOUR_FACTOR} times the fastest non-stop).
     */
    static List<Journey> ranked(List<Journey> direct, List<Journey> connections) {
        int limit = direct.stream().mapToInt(Journey::durationMinutes).min().orElse(Integer.MAX_VALUE / MAX_DETOUR_FACTOR)
                * MAX_DETOUR_FACTOR;
        Map<String, Journey> unique = new LinkedHashMap<>();
        connections.stream().filter(c -> c.durationMinutes() <= limit)
                .sorted(Comparator.comparingInt(Journey::durationMinutes).thenComparing(Journey::departureUtc)
                        .thenComparing(Journey::id))
                .forEach(c -> unique.putIfAbsent(c.id(), c));
        return Stream.concat(direct.stream(), unique.values().stream().limit(MAX_CONNECTIONS)).toList();
    }
}
