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
import java.util.stream.Stream;

import io.airlines.stream.ReferenceData;
import io.airlines.stream.ReferenceData.Airport;
import io.airlines.stream.ReferenceData.Scheduled;

/**
 * The aircraft that fly a timetable: its legs less the cancelled ones, chained into rotations by
 * the {@link RotationPlanner}, each rotation one aircraft of its airline's fleet flying its legs
 * with their delays. When the timetable changes under a flying fleet, the aircraft already flying
 * keep their identity and the flights they were to fly ({@link CarriedPlan}), and are offered the
 * legs departing from now on first, each from where its kept flights end; new aircraft take the
 * rest. Beyond the cap, the aircraft in the air fly on and those with flights kept fly them, then
 * those flying most legs of the coming day, those already flying first at equal counts: an
 * aircraft on a round trip or with nothing left to fly is the first left out once it has landed.
 * Rotations over before now are left out.
 */
final class TimetableFleet {

    /**
     * An aircraft the fleet may fly: the planner's rotation {@code rotation}, of an aircraft of the
     * previous plan when within their count, else a new aircraft; {@code comingDay} of its legs
     * depart within a day; {@code flying} when it is on a flight now, off block to on block;
     * {@code keeps} when it keeps flights of the previous plan.
     */
    private record Candidate(int rotation, int comingDay, boolean flying, boolean keeps) {
    }

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

    /** Up to {@code cap} aircraft at {@code simNow}, those of {@code previous} flying on. */
    List<Aircraft> aircraft(int cap, long simNow, IdentityAllocator identities, List<Aircraft> previous) {
        Map<String, Airport> airports = new HashMap<>();
        Map<String, Scheduled> timetable = new HashMap<>();
        for (Scheduled leg : reference.legs()) {
            Airport from = reference.airport(leg.origin());
            Airport to = reference.airport(leg.destination());
            if (from != null && to != null && !from.code().equals(to.code())
                    && !maker.delays().cancelled(leg.flightNumber(), leg.departure())) {
                airports.put(leg.origin(), from);
                airports.put(leg.destination(), to);
                timetable.put(Flight.key(leg.flightNumber(), leg.departure()), leg);
            }
        }
        Set<String> taken = new HashSet<>();
        previous.forEach(a -> a.flownBy(simNow, taken));
        List<CarriedPlan> carried = previous.stream()
                .map(a -> CarriedPlan.of(a.carriedAt(simNow), timetable, taken, simNow)).toList();
        // A replan flies no leg already under way that no aircraft is on: none appears in mid-air.
        long earliest = previous.isEmpty() ? Long.MIN_VALUE : simNow;
        List<Scheduled> legs = new ArrayList<>();
        timetable.forEach((key, leg) -> {
            if (!taken.contains(key) && leg.departure() >= earliest) {
                legs.add(leg);
            }
        });
        legs.sort(Comparator.comparingLong(Scheduled::departure).thenComparing(Scheduled::flightNumber));
        List<RotationPlanner.Rotation> rotations = RotationPlanner.plan(legs, airports,
                carried.stream().map(CarriedPlan::start).toList());
        List<Aircraft> out = new ArrayList<>();
        for (Candidate c : chosen(cap, simNow, carried, rotations)) {
            RotationPlanner.Rotation r = rotations.get(c.rotation());
            out.add(c.rotation() < carried.size() ? continued(carried.get(c.rotation()), r, airports, simNow)
                    : fresh(r, airports, identities));
        }
        return out;
    }

    /**
     * Those on a flight now and those keeping flights, then those flying most legs of the coming
     * day, up to {@code cap}, in the planner's order.
     */
    private List<Candidate> chosen(int cap, long simNow, List<CarriedPlan> carried,
                                   List<RotationPlanner.Rotation> rotations) {
        List<Candidate> candidates = new ArrayList<>();
        List<Candidate> fresh = new ArrayList<>();
        for (int i = 0; i < rotations.size(); i++) {
            RotationPlanner.Rotation r = rotations.get(i);
            int comingDay = withinADay(r.legs().stream().map(Scheduled::departure), simNow);
            if (i < carried.size()) {
                CarriedPlan p = carried.get(i);
                if (p.flying(simNow) || !p.kept().isEmpty() || !r.legs().isEmpty()) {
                    candidates.add(new Candidate(i, comingDay
                            + withinADay(p.flights().stream().map(Flight::scheduledDeparture), simNow),
                            p.flying(simNow), !p.kept().isEmpty()));
                }
            } else if (r.legs().get(r.legs().size() - 1).arrival() > simNow) {
                fresh.add(new Candidate(i, comingDay, false, false));
            }
        }
        if (candidates.size() + fresh.size() > cap) {
            SplittableRandom sample = new SplittableRandom(seed);
            for (int i = fresh.size() - 1; i > 0; i--) {
                Collections.swap(fresh, i, sample.nextInt(i + 1));
            }
        }
        candidates.addAll(fresh);
        if (candidates.size() > cap) {
            // One left out on its flight would vanish mid-flight, a flight whose signal is lost; one
            // left out with flights kept would leave them unflown, as no other aircraft can reach
            // them (the others' kept flights fill their coming hours). The previous plan had no
            // more aircraft than the cap, so all of these stay. Stable: at equal counts, the
            // aircraft of the previous plan stay.
            candidates.sort(Comparator.comparing((Candidate c) -> !c.flying()).thenComparing(c -> !c.keeps())
                    .thenComparing(Comparator.comparingInt(Candidate::comingDay).reversed()));
            candidates = new ArrayList<>(candidates.subList(0, cap));
            candidates.sort(Comparator.comparingInt(Candidate::rotation));
        }
        return candidates;
    }

    private static int withinADay(Stream<Long> departures, long simNow) {
        return (int) departures.filter(d -> d >= simNow && d < simNow + DayCoverage.DAY_MS).count();
    }

    private Aircraft continued(CarriedPlan p, RotationPlanner.Rotation r, Map<String, Airport> airports, long simNow) {
        Aircraft a = p.aircraft();
        List<Flight> flights = p.flights();
        flights.addAll(flights(r, airports, icao(r.carrier()), p.at(), p.readyAt(simNow)));
        return new Aircraft(a.identity(), a.carrier(), a.longHaul(), a.squawk(), flights, null);
    }

    private Aircraft fresh(RotationPlanner.Rotation r, Map<String, Airport> airports, IdentityAllocator identities) {
        AirlineFleets.AirlineFleet fleet = fleets.of(r.carrier(), icao(r.carrier()));
        SplittableRandom random = new SplittableRandom(seed * 31 + r.legs().get(0).departure() + r.carrier().hashCode());
        List<String> types = fleet.types(r.longHaul());
        AircraftIdentity identity = identities.next(fleet.country(), types.get(random.nextInt(types.size())));
        return new Aircraft(identity, r.carrier(), r.longHaul(), Squawks.random(random),
                flights(r, airports, icao(r.carrier()), airports.get(r.legs().get(0).origin()), Long.MIN_VALUE), null);
    }

    /** The flights of {@code r} from {@code from} on, each from where the one before lands. */
    private List<Flight> flights(RotationPlanner.Rotation r, Map<String, Airport> airports, String icao,
                                 Airport from, long readyAt) {
        List<Flight> flights = new ArrayList<>(r.legs().size());
        Airport at = from;
        long ready = readyAt;
        for (Scheduled leg : r.legs()) {
            Flight f = maker.fly(leg.flightNumber(), FlightMaker.callsign(icao, leg.flightNumber()), at,
                    airports.get(leg.destination()), leg.departure(), ready, r.longHaul());
            flights.add(f);
            at = f.to();
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
