package io.airlines.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.airlines.stream.ReferenceData;
import io.airlines.stream.ReferenceData.Airport;
import io.airlines.stream.ReferenceData.Scheduled;

/**
 * The aircraft that fly a timetable: its legs less the cancelled ones, chained into rotations by
 * the {@link RotationPlanner}, each rotation one aircraft of its airline's fleet flying its legs
 * with their delays. When the timetable changes under a flying fleet, the aircraft already flying
 * keep their identity and current flight and are offered the legs not yet flown first; new
 * aircraft take the rest. Rotations over before now are left out; beyond the cap, the new
 * rotations flying most legs of the coming day are flown (ties in a seed-determined order).
 */
final class TimetableFleet {

    private final ReferenceData reference;
    private final AirlineFleets fleets;
    private final FlightMaker maker;
    private final long seed;

    TimetableFleet(ReferenceData reference, AirlineFleets fleets, FlightMaker maker, long seed) {
        this.reference = reference;
        this.fleets = fleets;
        this.maker = maker;
        this.seed = seed;
    }

    /** Up to {@code cap} aircraft at {@code simNow}, those of {@code previous} still flying first. */
    List<Aircraft> aircraft(int cap, long simNow, IdentityAllocator identities, List<Aircraft> previous) {
        Set<String> flown = new HashSet<>();
        List<Aircraft.Carried> carried = new ArrayList<>(previous.size());
        for (Aircraft a : previous) {
            a.flownBy(simNow, flown);
            carried.add(a.carriedAt(simNow));
        }
        Map<String, Airport> airports = new HashMap<>();
        carried.forEach(c -> airports.put(c.at().code(), c.at()));
        List<Scheduled> legs = new ArrayList<>();
        for (Scheduled leg : reference.legs()) {
            Airport from = reference.airport(leg.origin());
            Airport to = reference.airport(leg.destination());
            if (from != null && to != null && !from.code().equals(to.code())
                    && !flown.contains(Flight.key(leg.flightNumber(), leg.departure()))
                    && !maker.delays().cancelled(leg.flightNumber(), leg.departure())) {
                airports.put(leg.origin(), from);
                airports.put(leg.destination(), to);
                legs.add(leg);
            }
        }
        legs.sort(Comparator.comparingLong(Scheduled::departure).thenComparing(Scheduled::flightNumber));
        List<RotationPlanner.Start> starts = carried.stream().map(c -> new RotationPlanner.Start(
                c.aircraft().carrier(), c.aircraft().longHaul(), c.at().code(), c.readyAt())).toList();
        List<RotationPlanner.Rotation> rotations = RotationPlanner.plan(legs, airports, starts);
        List<Aircraft> out = new ArrayList<>();
        for (int i = 0; i < carried.size() && out.size() < cap; i++) {
            Aircraft.Carried c = carried.get(i);
            RotationPlanner.Rotation r = rotations.get(i);
            if (c.current() != null || !r.legs().isEmpty()) {
                out.add(continued(c, r, airports));
            }
        }
        List<RotationPlanner.Rotation> fresh = new ArrayList<>(rotations.subList(carried.size(), rotations.size())
                .stream().filter(r -> r.legs().get(r.legs().size() - 1).arrival() > simNow).toList());
        if (out.size() + fresh.size() > cap) {
            SplittableRandom sample = new SplittableRandom(seed);
            for (int i = fresh.size() - 1; i > 0; i--) {
                Collections.swap(fresh, i, sample.nextInt(i + 1));
            }
            // The rotations flying most of the next day's legs first, so a small fleet leaves few of them unflown.
            fresh.sort(Comparator.comparingInt((RotationPlanner.Rotation r) -> legsWithinADay(r, simNow)).reversed());
            fresh = fresh.subList(0, cap - out.size());
        }
        for (RotationPlanner.Rotation r : fresh) {
            out.add(fresh(r, airports, identities));
        }
        return out;
    }

    private static int legsWithinADay(RotationPlanner.Rotation r, long simNow) {
        int count = 0;
        for (Scheduled leg : r.legs()) {
            if (leg.departure() >= simNow && leg.departure() < simNow + DayCoverage.DAY_MS) {
                count++;
            }
        }
        return count;
    }

    private Aircraft continued(Aircraft.Carried c, RotationPlanner.Rotation r, Map<String, Airport> airports) {
        Aircraft a = c.aircraft();
        List<Flight> flights = new ArrayList<>();
        if (c.current() != null) {
            flights.add(c.current());
        }
        flights.addAll(flights(r, airports, icao(r.carrier()), c.readyAt()));
        return new Aircraft(a.identity(), a.carrier(), a.longHaul(), a.squawk(), flights, null);
    }

    private Aircraft fresh(RotationPlanner.Rotation r, Map<String, Airport> airports, IdentityAllocator identities) {
        AirlineFleets.AirlineFleet fleet = fleets.of(r.carrier(), icao(r.carrier()));
        SplittableRandom random = new SplittableRandom(seed * 31 + r.legs().get(0).departure() + r.carrier().hashCode());
        List<String> types = fleet.types(r.longHaul());
        AircraftIdentity identity = identities.next(fleet.country(), types.get(random.nextInt(types.size())));
        return new Aircraft(identity, r.carrier(), r.longHaul(), Squawks.random(random),
                flights(r, airports, icao(r.carrier()), Long.MIN_VALUE), null);
    }

    private List<Flight> flights(RotationPlanner.Rotation r, Map<String, Airport> airports, String icao, long readyAt) {
        List<Flight> flights = new ArrayList<>(r.legs().size());
        long ready = readyAt;
        for (Scheduled leg : r.legs()) {
            Flight f = maker.fly(leg.flightNumber(), FlightMaker.callsign(icao, leg.flightNumber()),
                    airports.get(leg.origin()), airports.get(leg.destination()), leg.departure(), ready, r.longHaul());
            flights.add(f);
            ready = FlightMaker.readyAfter(f, r.longHaul());
        }
        return flights;
    }

    private String icao(String carrier) {
        ReferenceData.Airline airline = reference.airlineByIata(carrier);
        return airline != null && airline.icao() != null ? airline.icao()
                : fleets.of(carrier, null).icao();
    }
}
