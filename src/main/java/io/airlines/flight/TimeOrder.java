package io.airlines.flight;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the history list: by the second a leg was first seen, then, among legs first seen
 * in the same second, by departure. Ids sort by that second already (they start with it), but a
 * second can hold thousands of legs: every aircraft already flying when the pipeline first starts
 * is first seen at once, and the ids then sort those by transponder, which groups them by country.
 * So a page is read as the whole seconds it touches, ordered, then cut.
 */
final class TimeOrder {

    /** Length of {@code yyyyMMdd-HHmmss}, the first-seen second an id starts with. */
    private static final int SECOND = 15;

    static final Comparator<FlightLeg> ORDER = Comparator.comparing(TimeOrder::second)
            .thenComparing(TimeOrder::departure).thenComparing(FlightLeg::id);

    private TimeOrder() {
    }

    /** Positions {@code [start, end)} of a list of ids. */
    record Span(int start, int end) {
    }

    /**
     * The span of {@code ids} (in id order) that holds every leg of positions {@code [from, to)}
     * (not empty): the whole seconds those legs were first seen in.
     */
    static Span span(List<String> ids, int from, int to) {
        int start = from;
        while (start > 0 && sameSecond(ids.get(start - 1), ids.get(from))) {
            start--;
        }
        int end = to;
        while (end < ids.size() && sameSecond(ids.get(end), ids.get(to - 1))) {
            end++;
        }
        return new Span(start, end);
    }

    /**
     * When the flight left: its timetable's departure, else when first seen (a leg starts when the
     * aircraft first moves on the ground, or when first seen in the air).
     */
    static Instant departure(FlightLeg leg) {
        return leg.scheduledDeparture() != null ? leg.scheduledDeparture() : leg.firstSeen();
    }

    private static String second(FlightLeg leg) {
        return prefix(leg.id());
    }

    private static boolean sameSecond(String a, String b) {
        return prefix(a).equals(prefix(b));
    }

    private static String prefix(String id) {
        return id.length() < SECOND ? id : id.substring(0, SECOND);
    }
}
