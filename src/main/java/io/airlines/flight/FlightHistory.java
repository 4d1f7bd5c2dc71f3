package io.airlines.flight;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * The history list as the API answers it: the legs of a day, filtered by airport, airline and a
 * query, one page of them and how many match. An airport's legs come from its keys, the rest from
 * the day's range; an airport alone is paged on its keys, so a hub's page costs what a small one's does.
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
        Predicate<FlightLeg> filter = LegQuery.of(airport, airline, q);
        if (airline == null && q == null) {
            // The airport's keys are its legs (keys a leg no longer has are deleted when it is
            // written): its keys give the total and the page, then only the page's legs are read.
            // The filter only guards the page.
            List<String> ids = legs.idsOfAirport(airport, day);
            List<String> page = ids.subList(Math.min(skip, ids.size()), (int) Math.min((long) skip + limit, ids.size()));
            return new Page(legs.byIds(page).stream().filter(filter).toList(), ids.size());
        }
        List<FlightLeg> candidates = airport != null ? legs.ofAirport(airport, day) : legs.ofDay(day, 0, 0);
        List<FlightLeg> matching = candidates.stream().filter(filter).toList();
        return new Page(matching.stream().skip(skip).limit(limit).toList(), matching.size());
    }
}
