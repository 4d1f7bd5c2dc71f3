package io.airlines.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.airlines.stream.ReferenceData.Scheduled;

/**
 * How much of the coming day's timetable a fleet flies: the legs departing within a day of
 * {@code from}, those its airlines cancel, and those an aircraft flies. A fleet smaller than the
 * timetable needs leaves the rest unflown, which boards then show without live data.
 */
record DayCoverage(int legs, int cancelled, int flown) {

    static final long DAY_MS = 86_400_000L;

    static DayCoverage of(List<Scheduled> timetable, DelayModel delays, List<Aircraft> fleet, long from) {
        Set<String> flying = new HashSet<>();
        fleet.forEach(a -> a.flights().forEach(f -> flying.add(f.key())));
        int legs = 0;
        int cancelled = 0;
        int flown = 0;
        for (Scheduled leg : timetable) {
            if (leg.departure() < from || leg.departure() >= from + DAY_MS) {
                continue;
            }
            legs++;
            if (delays.cancelled(leg.flightNumber(), leg.departure())) {
                cancelled++;
            } else if (flying.contains(Flight.key(leg.flightNumber(), leg.departure()))) {
                flown++;
            }
        }
        return new DayCoverage(legs, cancelled, flown);
    }

    /** Legs neither flown nor cancelled. */
    int unflown() {
        return legs - cancelled - flown;
    }
}
