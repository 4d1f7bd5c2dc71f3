package io.airlines.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.airlines.stream.Geo;
import io.airlines.stream.ReferenceData.Airport;
import io.airlines.stream.ReferenceData.Scheduled;

/**
 * Chains a timetable's legs into aircraft rotations, as an airline's planners do: each leg is
 * flown by an aircraft of the same airline and fleet (short or long haul) that is on the ground
 * at its origin and turned around by its departure, the one ready last first; a new aircraft only
 * when none is. Legs are taken in departure order, so each rotation is a chain in time and space.
 * Ready last first keeps an aircraft that a cancelled flight left at an airport parked there
 * rather than passing the spare on from aircraft to aircraft: a replan then frees it, and the
 * fleet a timetable needs stays the same from day to day. Pure.
 */
final class RotationPlanner {

    static final long SHORT_HAUL_TURN_MS = 40 * 60_000L;
    static final long LONG_HAUL_TURN_MS = 90 * 60_000L;

    /** An aircraft already flying: on the ground at {@code airport} and ready from {@code readyAt}. */
    record Start(String carrier, boolean longHaul, String airport, long readyAt) {
    }

    /** One aircraft's legs of the timetable; {@code start} is null for a new aircraft. */
    record Rotation(String carrier, boolean longHaul, Start start, List<Scheduled> legs) {
    }

    private record Waiting(Rotation rotation, long readyAt) {
    }

    private RotationPlanner() {
    }

    /**
     * Legs sorted by departure, with both airports in {@code airports}, flown first by the aircraft
     * of {@code starts}: their rotations come first, in the same order, with or without legs.
     */
    static List<Rotation> plan(List<Scheduled> legs, Map<String, Airport> airports, List<Start> starts) {
        List<Rotation> rotations = new ArrayList<>();
        Map<String, List<Waiting>> waiting = new HashMap<>();
        for (Start s : starts) {
            Rotation rotation = new Rotation(s.carrier(), s.longHaul(), s, new ArrayList<>());
            rotations.add(rotation);
            waiting.computeIfAbsent(key(s.carrier(), s.longHaul(), s.airport()), k -> new ArrayList<>())
                    .add(new Waiting(rotation, s.readyAt()));
        }
        for (Scheduled leg : legs) {
            Airport from = airports.get(leg.origin());
            Airport to = airports.get(leg.destination());
            boolean longHaul = AirlineFleets.longHaul(Geo.distanceKm(from.lat(), from.lon(), to.lat(), to.lon()));
            Rotation rotation = takeReady(waiting.get(key(leg.carrier(), longHaul, leg.origin())), leg.departure());
            if (rotation == null) {
                rotation = new Rotation(leg.carrier(), longHaul, null, new ArrayList<>());
                rotations.add(rotation);
            }
            rotation.legs().add(leg);
            waiting.computeIfAbsent(key(leg.carrier(), longHaul, leg.destination()), k -> new ArrayList<>())
                    .add(new Waiting(rotation, readyAfter(leg, longHaul)));
        }
        return rotations.stream().map(r -> new Rotation(r.carrier(), r.longHaul(), r.start(), List.copyOf(r.legs())))
                .toList();
    }

    /** When the aircraft of {@code leg} is planned to be ready for its next leg. */
    static long readyAfter(Scheduled leg, boolean longHaul) {
        return leg.arrival() + (longHaul ? LONG_HAUL_TURN_MS : SHORT_HAUL_TURN_MS);
    }

    private static Rotation takeReady(List<Waiting> candidates, long departure) {
        if (candidates == null) {
            return null;
        }
        Waiting best = null;
        for (Waiting w : candidates) {
            if (w.readyAt() <= departure && (best == null || w.readyAt() > best.readyAt())) {
                best = w;
            }
        }
        if (best == null) {
            return null;
        }
        for (Iterator<Waiting> it = candidates.iterator(); it.hasNext(); ) {
            if (it.next() == best) {
                it.remove();
                break;
            }
        }
        return best.rotation();
    }

    private static String key(String carrier, boolean longHaul, String airport) {
        return carrier + (longHaul ? "|L|" : "|S|") + airport;
    }
}
