package io.airlines.flight;

import java.time.LocalDate;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

/**
 * The history list as the API answers it: the legs of a day, filtered by airport, airline and a
 * query, one page of them and how many match. Unfiltered, the day's range; filtered, the legs'
 * keys of each filter ({@link LegStore}), so a busy filter's page costs what a rare one's does.
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
            return new Page(legs.ofDay(day, skip, limit), legs.countOfDay(day));
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
        List<String> page = ids.subList(Math.min(skip, ids.size()), (int) Math.min((long) skip + limit, ids.size()));
        return new Page(legs.byIds(page).stream().filter(LegQuery.of(airport, airline, q)).toList(), ids.size());
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
