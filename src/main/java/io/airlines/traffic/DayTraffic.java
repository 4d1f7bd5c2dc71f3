package io.airlines.traffic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.airlines.flight.FlightLeg;

/**
 * Departures and arrivals per airport and the departure delay histogram, per UTC day, kept up to
 * date leg by leg. What each leg was counted for is remembered, so a leg saved again (a later state,
 * or the same state after a replay) moves or keeps its counts instead of adding them twice.
 */
final class DayTraffic {

    /** What one leg is counted for; days as epoch days, -1 when not counted. */
    private record Mark(String origin, long departureDay, String destination, long arrivalDay, int delayBucket) {

        static Mark of(FlightLeg leg) {
            Instant departed = leg.offBlock() != null ? leg.offBlock() : leg.takeoff();
            Instant arrived = leg.landing() != null ? leg.landing() : leg.onBlock();
            boolean departure = departed != null && leg.origin() != null;
            boolean arrival = arrived != null && leg.destination() != null;
            return new Mark(departure ? leg.origin() : null, departure ? epochDay(departed) : -1,
                    arrival ? leg.destination() : null, arrival ? epochDay(arrived) : -1,
                    departure && leg.delayMinutes() != null ? DelayBuckets.of(leg.delayMinutes()) : -1);
        }

        long lastDay() {
            return Math.max(departureDay, arrivalDay);
        }
    }

    /** One day's counts: per airport {departures, arrivals}, and departures per delay bucket. */
    private static final class Day {
        final Map<String, long[]> airports = new HashMap<>();
        final long[] delays = new long[DelayBuckets.count()];
    }

    /** An airport's movements of a day. */
    record AirportDay(String code, long departures, long arrivals) {
        long movements() {
            return departures + arrivals;
        }
    }

    private final Map<String, Mark> marks = new HashMap<>();
    private final Map<Long, Day> days = new HashMap<>();

    /** Counts a leg's current state (replacing what its earlier state was counted for). */
    synchronized void add(FlightLeg leg) {
        Mark now = Mark.of(leg);
        Mark before = marks.put(leg.id(), now);
        if (!now.equals(before)) {
            count(before, -1);
            count(now, 1);
        }
    }

    /** Uncounts a leg deleted from the store (it turned out to be no flight). */
    synchronized void remove(String legId) {
        count(marks.remove(legId), -1);
    }

    /** Counts a leg only if it is not counted yet: for a read of the store racing newer saves. */
    synchronized void addIfAbsent(FlightLeg leg) {
        if (!marks.containsKey(leg.id())) {
            add(leg);
        }
    }

    private void count(Mark m, int sign) {
        if (m == null) {
            return;
        }
        if (m.origin() != null) {
            day(m.departureDay()).airports.computeIfAbsent(m.origin(), k -> new long[2])[0] += sign;
            if (m.delayBucket() >= 0) {
                day(m.departureDay()).delays[m.delayBucket()] += sign;
            }
        }
        if (m.destination() != null) {
            day(m.arrivalDay()).airports.computeIfAbsent(m.destination(), k -> new long[2])[1] += sign;
        }
    }

    private Day day(long epochDay) {
        return days.computeIfAbsent(epochDay, d -> new Day());
    }

    /** The busiest airports of a day by departures plus arrivals, busiest first. */
    synchronized List<AirportDay> busiest(LocalDate day, int top) {
        Day d = days.get(day.toEpochDay());
        if (d == null) {
            return List.of();
        }
        return d.airports.entrySet().stream()
                .map(e -> new AirportDay(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .filter(a -> a.movements() > 0)
                .sorted(Comparator.comparingLong(AirportDay::movements).reversed().thenComparing(AirportDay::code))
                .limit(top)
                .toList();
    }

    /** A day's departures per delay bucket ({@link DelayBuckets}). */
    synchronized long[] delays(LocalDate day) {
        Day d = days.get(day.toEpochDay());
        return d == null ? new long[DelayBuckets.count()] : d.delays.clone();
    }

    /** Forgets the days before this one, and the legs counted only on them. */
    synchronized void forgetBefore(LocalDate day) {
        long first = day.toEpochDay();
        days.keySet().removeIf(d -> d < first);
        // A leg counted for nothing yet goes too: forgetting it loses no count.
        marks.values().removeIf(m -> m.lastDay() < first);
    }

    synchronized int legs() {
        return marks.size();
    }

    private static long epochDay(Instant i) {
        return Math.floorDiv(i.getEpochSecond(), 86_400);
    }
}
