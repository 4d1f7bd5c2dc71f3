package io.airlines.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.airlines.stream.ReferenceData.Airport;
import io.airlines.stream.ReferenceData.Scheduled;

/**
 * An aircraft of the previous plan at a replan: the last flight it flew, then the flights of its
 * rotation still in the timetable, which it keeps as planned (same pushback, same delay), so a
 * replan changes nothing an aircraft was about to do. The planner gives it more legs from where
 * the kept ones end: {@code at}, as this aircraft knows it (the airport may have moved in the
 * reference data), ready as {@link #start()} says.
 */
record CarriedPlan(Aircraft aircraft, Flight last, List<Flight> kept, Airport at, RotationPlanner.Start start) {

    /**
     * The plan of {@code carried} on {@code timetable} (the legs it may fly, by {@link Flight#key()}),
     * adding the legs it keeps to {@code taken}. It keeps its pending flights up to the first one
     * the timetable no longer lists, as the flights after it leave from where that one lands.
     */
    static CarriedPlan of(Aircraft.Carried carried, Map<String, Scheduled> timetable, Set<String> taken,
                          long simNow) {
        List<Flight> kept = new ArrayList<>();
        for (Flight f : carried.pending()) {
            Scheduled leg = timetable.get(f.key());
            if (leg == null || taken.contains(f.key()) || !leg.origin().equals(f.from().code())
                    || !leg.destination().equals(f.to().code())) {
                break;
            }
            kept.add(f);
            taken.add(f.key());
        }
        Aircraft a = carried.aircraft();
        Flight end = kept.isEmpty() ? carried.last() : kept.get(kept.size() - 1);
        Airport at = end == null ? carried.pending().get(0).from() : end.to();
        Scheduled endLeg = end == null ? null : timetable.get(end.key());
        // Planned as a timetable rotation is (scheduled arrival and turnaround), so that a late
        // aircraft still takes the leg it would have flown, late, as delays propagate.
        long ready = endLeg == null ? readyAt(end, a.longHaul(), simNow)
                : RotationPlanner.readyAfter(endLeg, a.longHaul());
        return new CarriedPlan(a, carried.last(), List.copyOf(kept), at,
                new RotationPlanner.Start(a.carrier(), a.longHaul(), at.code(), ready));
    }

    boolean flying(long simNow) {
        return last != null && simNow < last.onBlock();
    }

    /** The last flight flown, if any, then those kept. */
    List<Flight> flights() {
        List<Flight> flights = new ArrayList<>(kept.size() + 1);
        if (last != null) {
            flights.add(last);
        }
        flights.addAll(kept);
        return flights;
    }

    /** When it can push back for a leg after those it keeps, at the earliest. */
    long readyAt(long simNow) {
        return readyAt(kept.isEmpty() ? last : kept.get(kept.size() - 1), aircraft.longHaul(), simNow);
    }

    private static long readyAt(Flight end, boolean longHaul, long simNow) {
        return end == null ? simNow : Math.max(simNow, FlightMaker.readyAfter(end, longHaul));
    }
}
