package io.airlines.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.airlines.board.Cancellations;
import io.airlines.board.Cancellations.Cancellation;
import io.airlines.stream.ReferenceData.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated airlines announce the flights of the timetable they cancel ({@link DelayModel},
 * the flights no simulated aircraft flies), as an airline's operations do, so boards and search
 * show them cancelled rather than overdue. Each once, as soon as the timetable lists it; a store
 * that fails is told again at the next timetable reload.
 */
final class CancellationNotices {

    private static final Logger log = LoggerFactory.getLogger(CancellationNotices.class);
    /** Announcements remembered this long after their departure, to be sent once, then forgotten. */
    private static final long REMEMBERED_MS = 2 * 86_400_000L;

    private final DelayModel delays;
    private final Cancellations cancellations;
    private final Map<String, Long> announced = new HashMap<>();

    CancellationNotices(long seed, Cancellations cancellations) {
        this.delays = new DelayModel(seed);
        this.cancellations = cancellations;
    }

    /** Announces the cancelled legs of {@code legs} not announced yet; how many it announced now. */
    synchronized int announce(List<Scheduled> legs, long now) {
        announced.values().removeIf(departure -> departure < now - REMEMBERED_MS);
        List<Cancellation> fresh = new ArrayList<>();
        for (Scheduled leg : cancelled(delays, legs)) {
            if (!announced.containsKey(Flight.key(leg.flightNumber(), leg.departure()))) {
                fresh.add(new Cancellation(leg.flightNumber(), leg.origin(), leg.destination(),
                        Instant.ofEpochMilli(leg.departure()), Instant.ofEpochMilli(leg.arrival())));
            }
        }
        try {
            cancellations.announce(fresh);
        } catch (RuntimeException e) {
            log.warn("Simulator: {} cancelled flights not announced (told again at the next timetable reload): {}",
                    fresh.size(), e.toString());
            return 0;
        }
        fresh.forEach(c -> announced.put(Flight.key(c.flightNumber(), c.departure().toEpochMilli()),
                c.departure().toEpochMilli()));
        return fresh.size();
    }

    /** The legs of a timetable that the simulator does not fly, cancelled. */
    static List<Scheduled> cancelled(DelayModel delays, List<Scheduled> legs) {
        return legs.stream().filter(l -> delays.cancelled(l.flightNumber(), l.departure())).toList();
    }
}
