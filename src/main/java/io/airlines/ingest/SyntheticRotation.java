package io.airlines.ingest;

import java.util.List;
import java.util.SplittableRandom;

import io.airlines.stream.ReferenceData.Airport;

/**
 * An endless rotation of round trips from an airline's base, for aircraft beyond those the
 * timetable fills: out to one of the base's destinations, a turnaround, back, and out again.
 * Flight numbers are stable per route (even out, odd back); a cancelled outbound keeps the
 * aircraft at its base until a later slot. Deterministic for a seed.
 */
final class SyntheticRotation implements Aircraft.Extension {

    private static final long FIVE_MINUTES = 5 * 60_000L;
    private static final long RETRY_AFTER_CANCELLATION_MS = 3 * 3_600_000L;

    private final String carrier;
    private final String icao;
    private final Airport base;
    private final List<Airport> destinations;
    private final boolean longHaul;
    private final FlightMaker maker;
    private final long seed;

    SyntheticRotation(String carrier, String icao, Airport base, List<Airport> destinations, boolean longHaul,
                      FlightMaker maker, long seed) {
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("no destination from " + base.code());
        }
        this.carrier = carrier;
        this.icao = icao;
        this.base = base;
        this.destinations = destinations;
        this.longHaul = longHaul;
        this.maker = maker;
        this.seed = seed;
    }

    /** The first flight out of the base, pushing back around {@code around}. */
    Flight first(long around) {
        return outbound(around);
    }

    @Override
    public Flight after(Flight last) {
        long ready = FlightMaker.readyAfter(last, longHaul);
        if (!last.to().code().equals(base.code())) {
            return flight(last.to(), base, number(last.to(), 1), slot(ready), ready);
        }
        return outbound(ready);
    }

    private Flight outbound(long ready) {
        long departure = slot(ready + planningBuffer(ready));
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + departure);
        Airport to = destinations.get(r.nextInt(destinations.size()));
        String number = number(to, 0);
        while (maker.delays().cancelled(number, departure)) {
            departure += RETRY_AFTER_CANCELLATION_MS;
            to = destinations.get(r.nextInt(destinations.size()));
            number = number(to, 0);
        }
        return flight(base, to, number, departure, ready);
    }

    private Flight flight(Airport from, Airport to, String number, long departure, long ready) {
        return maker.fly(number, FlightMaker.callsign(icao, number), from, to, departure, ready, longHaul);
    }

    /** Schedulers leave some slack at the base beyond the minimum turnaround. */
    private long planningBuffer(long ready) {
        return new SplittableRandom(seed ^ ready).nextInt(longHaul ? 50 : 40) * 60_000L;
    }

    private String number(Airport outstation, int direction) {
        int h = (carrier + base.code() + outstation.code()).hashCode() & 0x7fffffff;
        int first = longHaul ? 100 + (h % 440) * 2 : 1000 + (h % 4400) * 2;
        return carrier + (first + direction);
    }

    private static long slot(long at) {
        return (at + FIVE_MINUTES - 1) / FIVE_MINUTES * FIVE_MINUTES;
    }
}
