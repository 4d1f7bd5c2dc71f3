package io.airlines.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.airlines.stream.Geo;
import io.airlines.stream.ReferenceData;
import io.airlines.stream.ReferenceData.Airport;
import io.airlines.stream.ReferenceData.Scheduled;

/**
 * Aircraft beyond those the timetable fills, flying {@link SyntheticRotation}s from their
 * airline's bases: to the airports the airline serves from there in the timetable, else to known
 * airports in range of the fleet. Airlines of the timetable only when there is one; the busier
 * a base, the more aircraft it gets. Each starts mid-rotation so the sky is full at once.
 */
final class SyntheticFleet {

    static final double SHORT_HAUL_MIN_KM = 250;
    static final double LONG_HAUL_MAX_KM = 13_000;
    private static final double LONG_HAUL_SHARE = 0.3;
    private static final long SPREAD_MS = 16 * 3_600_000L;
    private static final long LEAD_MS = 3_600_000L;

    /** An airline's base with the airports it flies to from there, short and long haul. */
    private record Base(AirlineFleets.AirlineFleet fleet, String icao, Airport airport, List<Airport> shortHaul,
                        List<Airport> longHaul, int weight) {
    }

    private final List<Base> bases = new ArrayList<>();
    private final int[] cumulative;
    private final FlightMaker maker;
    private final long seed;

    SyntheticFleet(ReferenceData reference, AirlineFleets fleets, FlightMaker maker, long seed) {
        this.maker = maker;
        this.seed = seed;
        Set<String> timetableCarriers = new HashSet<>();
        reference.legs().forEach(l -> timetableCarriers.add(l.carrier()));
        for (AirlineFleets.AirlineFleet fleet : fleets.all()) {
            if (timetableCarriers.isEmpty() || timetableCarriers.contains(fleet.iata())) {
                addBases(reference, fleet);
            }
        }
        if (bases.isEmpty()) {
            fleets.all().forEach(f -> addBases(reference, f));
        }
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no airline has a base among the known airports");
        }
        cumulative = new int[bases.size()];
        int sum = 0;
        for (int i = 0; i < bases.size(); i++) {
            sum += bases.get(i).weight();
            cumulative[i] = sum;
        }
    }

    /** Aircraft number {@code index} of the synthetic fleet. */
    Aircraft aircraft(int index, long simStart, IdentityAllocator identities) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        Base base = pick(random.nextInt(cumulative[cumulative.length - 1]));
        boolean longHaul = base.shortHaul().isEmpty()
                || !base.longHaul().isEmpty() && random.nextDouble() < LONG_HAUL_SHARE;
        List<String> types = base.fleet().types(longHaul);
        AircraftIdentity identity = identities.next(base.fleet().country(), types.get(random.nextInt(types.size())));
        SyntheticRotation rotation = new SyntheticRotation(base.fleet().iata(), base.icao(), base.airport(),
                longHaul ? base.longHaul() : base.shortHaul(), longHaul, maker, random.nextLong());
        // Back far enough that even a late first departure has left by the start.
        Flight first = rotation.first(simStart - LEAD_MS - (long) (random.nextDouble() * SPREAD_MS));
        return new Aircraft(identity, base.fleet().iata(), longHaul, Squawks.random(random), List.of(first), rotation);
    }

    private Base pick(int ticket) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > ticket) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return bases.get(lo);
    }

    private void addBases(ReferenceData reference, AirlineFleets.AirlineFleet fleet) {
        ReferenceData.Airline airline = reference.airlineByIata(fleet.iata());
        String icao = airline != null && airline.icao() != null ? airline.icao() : fleet.icao();
        for (String code : fleet.bases()) {
            Airport base = reference.airport(code);
            if (base == null) {
                continue;
            }
            Map<String, Airport> shortHaul = new LinkedHashMap<>();
            Map<String, Airport> longHaul = new LinkedHashMap<>();
            int departures = 0;
            for (Scheduled l : reference.legs()) {
                Airport to = reference.airport(l.destination());
                if (l.carrier().equals(fleet.iata()) && l.origin().equals(code) && to != null) {
                    departures++;
                    (AirlineFleets.longHaul(km(base, to)) ? longHaul : shortHaul).put(to.code(), to);
                }
            }
            if (shortHaul.isEmpty() && longHaul.isEmpty()) {
                for (Airport to : reference.hubs()) {
                    double km = km(base, to);
                    if (km >= SHORT_HAUL_MIN_KM && km <= LONG_HAUL_MAX_KM) {
                        (AirlineFleets.longHaul(km) ? longHaul : shortHaul).put(to.code(), to);
                    }
                }
            }
            List<Airport> shorts = fleet.shortHaul().isEmpty() ? List.of() : List.copyOf(shortHaul.values());
            List<Airport> longs = fleet.longHaul().isEmpty() ? List.of() : List.copyOf(longHaul.values());
            if (!shorts.isEmpty() || !longs.isEmpty()) {
                bases.add(new Base(fleet, icao, base, shorts, longs, 1 + departures));
            }
        }
    }

    private static double km(Airport a, Airport b) {
        return Geo.distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
    }
}
