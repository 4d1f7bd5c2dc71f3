package io.airlines.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import io.airlines.stream.Geo;
import io.airlines.stream.Position;
import io.airlines.stream.ReferenceData;
import io.airlines.stream.ReferenceData.Airport;

/**
 * A fleet flying great circles: the timetable's legs when the store has some, otherwise random
 * routes between known airports. Deterministic for a seed: the same seed, start and instant give
 * the same positions. {@code speedup} makes aircraft fly faster than real time while positions
 * keep real timestamps (so the pipeline's time rules still hold).
 */
public final class Simulator {

    private static final String[][] CARRIERS = {
            {"LH", "DLH"}, {"AF", "AFR"}, {"BA", "BAW"}, {"KL", "KLM"}, {"IB", "IBE"}, {"UA", "UAL"},
            {"DL", "DAL"}, {"AA", "AAL"}, {"EK", "UAE"}, {"TK", "THY"}, {"LX", "SWR"}, {"FR", "RYR"},
            {"U2", "EZY"}, {"QR", "QTR"}, {"SQ", "SIA"}, {"AC", "ACA"}};

    private final List<Aircraft> fleet = new ArrayList<>();
    private final List<Airport> airports;
    private final ReferenceData reference;
    private final long startWall;
    private final double speedup;

    /** One aircraft: identity fixed, leg replaced at each arrival. */
    private static final class Aircraft {
        final String hex;
        final SplittableRandom random;
        String callsign;
        String flightNumber;
        String squawk;
        FlightPlan plan;
        long legStart;

        Aircraft(String hex, SplittableRandom random) {
            this.hex = hex;
            this.random = random;
        }
    }

    public Simulator(int aircraft, long seed, double speedup, ReferenceData reference, long startWall) {
        this.reference = reference;
        this.speedup = speedup;
        this.startWall = startWall;
        this.airports = reference.hubs();
        if (airports.size() < 2) {
            throw new IllegalArgumentException("the simulator needs at least two airports");
        }
        Random ids = new Random(seed);
        Set<Integer> used = new HashSet<>();
        List<ReferenceData.Scheduled> active = reference.legs().stream()
                .filter(l -> l.departure() <= startWall && l.arrival() > startWall)
                .filter(l -> reference.airport(l.origin()) != null && reference.airport(l.destination()) != null)
                .toList();
        for (int i = 0; i < aircraft; i++) {
            int id;
            do {
                id = ids.nextInt(0x1000000);
            } while (!used.add(id));
            Aircraft a = new Aircraft(String.format(Locale.ROOT, "%06x", id), new SplittableRandom(seed * 31 + i));
            a.squawk = squawk(a.random);
            if (i < active.size()) {
                fly(a, active.get(i));
            } else {
                Airport from = airports.get(a.random.nextInt(airports.size()));
                flyRandom(a, from, startWall);
                // Spread the fleet over all phases of flight from the first second.
                a.legStart = startWall - (long) (a.random.nextDouble() * a.plan.totalMs());
            }
            fleet.add(a);
        }
    }

    public int size() {
        return fleet.size();
    }

    public long simulatedTime(long wallMs) {
        return startWall + (long) ((wallMs - startWall) * speedup);
    }

    /** Positions at {@code wallMs} of the aircraft in slice {@code slice} of {@code slices}. */
    public void positionsAt(long wallMs, int slice, int slices, Consumer<Position> out) {
        long simNow = simulatedTime(wallMs);
        for (int i = slice; i < fleet.size(); i += slices) {
            Aircraft a = fleet.get(i);
            while (simNow - a.legStart >= a.plan.totalMs()) {
                nextLeg(a, a.legStart + a.plan.totalMs());
            }
            FlightPlan.State s = a.plan.at(simNow - a.legStart);
            Position p = Position.observed(a.hex, a.callsign, round(s.lat(), 1e5), round(s.lon(), 1e5),
                    round(s.altitude(), 1), round(s.speed(), 10), round(s.track(), 10), s.verticalRate(), a.squawk,
                    s.onGround(), Position.SIMULATOR, wallMs)
                    .withRoute(a.flightNumber, a.plan.from().code(), a.plan.to().code());
            out.accept(p);
        }
    }

    private void nextLeg(Aircraft a, long from) {
        Airport here = a.plan.to();
        ReferenceData.Scheduled next = reference.legs().stream()
                .filter(l -> here.code().equals(l.origin()) && l.departure() >= from && reference.airport(l.destination()) != null)
                .findFirst().orElse(null);
        if (next != null && next.departure() - from < 3 * 3_600_000L) {
            fly(a, next);
        } else {
            flyRandom(a, here, from + 20 * 60_000L);
        }
    }

    private void fly(Aircraft a, ReferenceData.Scheduled leg) {
        Airport from = reference.airport(leg.origin());
        Airport to = reference.airport(leg.destination());
        long taxi = 8 * 60_000L;
        a.plan = FlightPlan.between(from, to, 10_000 + a.random.nextInt(3) * 600, cruiseSpeed(a.random), taxi);
        a.legStart = leg.departure() - taxi;
        a.flightNumber = leg.flightNumber();
        ReferenceData.Airline airline = reference.airlineByIata(leg.carrier());
        String number = leg.flightNumber().substring(Math.min(2, leg.flightNumber().length()));
        a.callsign = airline != null && airline.icao() != null ? airline.icao() + number : leg.flightNumber();
    }

    private void flyRandom(Aircraft a, Airport from, long start) {
        Airport to = null;
        for (int attempt = 0; attempt < 30 && to == null; attempt++) {
            Airport candidate = airports.get(a.random.nextInt(airports.size()));
            double d = Geo.distanceKm(from.lat(), from.lon(), candidate.lat(), candidate.lon());
            if (candidate != from && d > 150 && d < 9000) {
                to = candidate;
            }
        }
        if (to == null) {
            to = airports.get((airports.indexOf(from) + 1) % airports.size());
        }
        String[] carrier = CARRIERS[a.random.nextInt(CARRIERS.length)];
        int number = 1 + a.random.nextInt(2999);
        a.flightNumber = carrier[0] + number;
        a.callsign = carrier[1] + number;
        a.plan = FlightPlan.between(from, to, 9_500 + a.random.nextInt(6) * 300, cruiseSpeed(a.random),
                (3 + a.random.nextInt(6)) * 60_000L);
        a.legStart = start;
    }

    private static double cruiseSpeed(SplittableRandom random) {
        return 780 + random.nextInt(140);
    }

    private static String squawk(SplittableRandom random) {
        StringBuilder s = new StringBuilder(4);
        s.append(1 + random.nextInt(6));
        for (int i = 0; i < 3; i++) {
            s.append(random.nextInt(8));
        }
        return s.toString();
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
