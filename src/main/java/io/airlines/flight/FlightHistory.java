package io.airlines.flight;

import java.time.LocalDate;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The history list as the API answers it: the legs of a day, filtered by airport, airline and a
 * query, one page of them in time order ({@link TimeOrder}) and how many match. Unfiltered, the
 * day's range of ids; filtered, the legs' keys of each filter ({@link LegStore}), so a busy
 * filter's page costs what a rare one's does.
 */
public final class FlightHistory {

    /** One page of the legs that match, and how many match in all. */
    public record Page(List<FlightLeg> legs, long total) {
    }

    private final LegStore legs;

    public FlightHistory(LegStore legs) {
        this.legs = legs;
    }

    /** {@code airport}, {@code airline} and {@code q} may be null: no filter. */
    public Page list(LocalDate day, String airport, String airline, String q, int skip, int limit) {
        if (airport == null && airline == null && q == null) {
            return page(legs.idsOfDay(day), skip, limit, leg -> true);
        }
        // Each filter's keys are its legs (keys a leg no longer has are deleted when it is
        // written): the ids all filters share give the total and the page, then only the page's
        // legs are read. The filter only guards the page.
        List<String> ids = null;
        if (airport != null) {
            ids = legs.idsOfAirport(airport, day);
        }
        if (airline != null) {
            ids = both(ids, legs.idsOfAirline(airline, day));
        }
        if (q != null) {
            ids = both(ids, legs.idsMatching(q, day));
        }
        return page(ids, skip, limit, LegQuery.of(airport, airline, q));
    }

    /**
     * Positions {@code [skip, skip + limit)} of the legs of {@code ids} (in id order) in time order:
     * only the legs of the seconds the page touches are read. The filter only guards the page.
     */
    private Page page(List<String> ids, int skip, int limit, Predicate<FlightLeg> filter) {
        int from = Math.min(skip, ids.size());
        int to = (int) Math.min((long) skip + limit, ids.size());
        if (from == to) {
            return new Page(List.of(), ids.size());
        }
        TimeOrder.Span span = TimeOrder.span(ids, from, to);
        List<FlightLeg> read = legs.byIds(ids.subList(span.start(), span.end())).stream().sorted(TimeOrder.ORDER).toList();
        List<FlightLeg> page = read.subList(Math.min(from - span.start(), read.size()), Math.min(to - span.start(), read.size()));
        return new Page(page.stream().filter(filter).toList(), ids.size());
    }

    /** The ids of {@code found} also in {@code so far} (null: no filter yet), in order. */
    private static List<String> both(List<String> soFar, List<String> found) {
        if (soFar == null) {
            return found;
        }
        Set<String> wanted = new HashSet<>(found);
        return soFar.stream().filter(wanted::contains).toList();
    }
}
