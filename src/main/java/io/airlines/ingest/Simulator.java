package io.airlines.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.airlines.stream.Position;
import io.airlines.stream.ReferenceData;

/**
 * A fleet flying the timetable: its legs chained into aircraft rotations, each aircraft with one
 * transponder address and registration, departing late as flights do and never jumping. Beyond
 * the aircraft the timetable fills (or without a timetable), airlines' aircraft fly round trips
 * from their bases. Deterministic for a seed: the same seed, data, start and instant give the
 * same positions. {@code speedup} makes aircraft fly faster than real time while positions keep
 * real timestamps (so the pipeline's time rules still hold).
 */
public final class Simulator {

    private final int cap;
    private final long seed;
    private final double speedup;
    private final long startWall;
    private final int generation;
    private final List<Aircraft> fleet;
    private final int timetableAircraft;
    private final DayCoverage coverage;

    public Simulator(int aircraft, long seed, double speedup, ReferenceData reference, long startWall) {
        this(aircraft, seed, speedup, startWall, 0, reference, startWall, List.of());
    }

    private Simulator(int cap, long seed, double speedup, long startWall, int generation, ReferenceData reference,
                      long simNow, List<Aircraft> previous) {
        if (cap < 0 || speedup <= 0) {
            throw new IllegalArgumentException("aircraft must be ≥ 0 and speedup > 0");
        }
        this.cap = cap;
        this.seed = seed;
        this.speedup = speedup;
        this.startWall = startWall;
        this.generation = generation;
        AirlineFleets fleets = AirlineFleets.shipped();
        FlightMaker maker = new FlightMaker(new DelayModel(seed));
        IdentityAllocator identities = new IdentityAllocator(seed);
        previous.forEach(a -> identities.reserve(a.identity()));
        List<Aircraft> all = new ArrayList<>(cap);
        all.addAll(new TimetableFleet(reference, fleets, maker, seed).aircraft(cap, simNow, identities, previous));
        this.timetableAircraft = all.size();
        this.coverage = DayCoverage.of(reference.legs(), maker.delays(), all, simNow);
        if (all.size() < cap) {
            // A new generation of round trips, not copies of those the previous fleet still finishes.
            SyntheticFleet synthetic = new SyntheticFleet(reference, fleets, maker, seed + 7_919L * generation);
            for (int i = 0; all.size() < cap; i++) {
                all.add(synthetic.aircraft(i, simNow, identities));
            }
        }
        this.fleet = List.copyOf(all);
    }

    /**
     * The same fleet flying a changed timetable from {@code wallMs} on: every aircraft keeps its
     * identity and the timetable flights it was to fly, and flies on from where it is. When the
     * cap cannot carry every aircraft, those on the ground with none of their flights left to fly
     * and the fewest of the coming day stop reporting, an aircraft on a round trip first; none in
     * the air or with flights to fly does.
     */
    public Simulator replanned(ReferenceData reference, long wallMs) {
        return new Simulator(cap, seed, speedup, startWall, generation + 1, reference, simulatedTime(wallMs), fleet);
    }

    public int size() {
        return fleet.size();
    }

    /** How many aircraft fly the timetable's rotations; the rest fly round trips from airline bases. */
    public int timetableAircraft() {
        return timetableAircraft;
    }

    /** How much of the timetable's coming day the fleet flies. */
    DayCoverage coverage() {
        return coverage;
    }

    public long simulatedTime(long wallMs) {
        return startWall + (long) ((wallMs - startWall) * speedup);
    }

    /**
     * Positions at {@code wallMs} of the aircraft in slice {@code slice} of {@code slices} that
     * have their transponder on.
     */
    public void positionsAt(long wallMs, int slice, int slices, Consumer<Position> out) {
        long simNow = simulatedTime(wallMs);
        for (int i = slice; i < fleet.size(); i += slices) {
            Position p = fleet.get(i).positionAt(simNow, wallMs);
            if (p != null) {
                out.accept(p);
            }
        }
    }

    List<Aircraft> fleet() {
        return fleet;
    }
}
