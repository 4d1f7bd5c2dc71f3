package io.airlines.flight;

import java.util.ArrayList;
import java.util.List;

import io.airlines.stream.Geo;
import io.airlines.stream.Position;

/** Positions of made-up flights as the pipeline hands them on (phase set), one a minute in the air. */
public final class Flights {

    public static final double[] FRA = {50.0379, 8.5622};
    public static final double[] MUC = {48.3538, 11.7861};

    private final String transponder;
    private final String source;
    private String callsign;
    private String flightNumber;
    private String origin;
    private String destination;
    private long time;
    private double[] at;
    private final List<Position> positions = new ArrayList<>();

    public Flights(String transponder, String callsign, String flightNumber, long start, double[] at, String source) {
        this.transponder = transponder;
        this.callsign = callsign;
        this.flightNumber = flightNumber;
        this.time = start;
        this.at = at.clone();
        this.source = source;
    }

    Flights callsign(String newCallsign, String newFlightNumber) {
        callsign = newCallsign;
        flightNumber = newFlightNumber;
        return this;
    }

    /** The route its records carry from here on, as enrichment gives it from the timetable. */
    Flights route(String from, String to) {
        origin = from;
        destination = to;
        return this;
    }

    /** Stands still for a while, a point every {@code everySeconds}. */
    public Flights stand(int seconds, int everySeconds) {
        for (int s = 0; s < seconds; s += everySeconds) {
            add(everySeconds, 0.0, 0.0, "ground");
        }
        return this;
    }

    /** Taxis a few hundred metres, a point every 10 s. */
    public Flights taxi(int points) {
        for (int i = 0; i < points; i++) {
            at = new double[] {at[0] + 0.0005, at[1]};
            add(10, 0.0, 25.0, "ground");
        }
        return this;
    }

    /** Flies to a place at about 800 km/h, a point a minute, the last one on its runway. */
    public Flights flyTo(double[] to) {
        double[] from = at;
        double km = Geo.distanceKm(from[0], from[1], to[0], to[1]);
        int minutes = Math.max(2, (int) Math.ceil(km / (800 / 60.0)));
        for (int m = 1; m <= minutes; m++) {
            at = Geo.intermediate(from[0], from[1], to[0], to[1], (double) m / minutes);
            boolean landed = m == minutes;
            add(60, landed ? 0.0 : Math.min(10_000, 1_500.0 * Math.min(m, minutes - m)), landed ? 220.0 : 800.0,
                    landed ? "ground" : "cruise");
        }
        return this;
    }

    /** Silent for a while: nothing is sent. */
    Flights silent(int minutes) {
        time += minutes * 60_000L;
        return this;
    }

    /** One point somewhere else altogether, {@code secondsLater}. */
    Flights glitch(double[] where, int secondsLater) {
        double[] keep = at;
        at = where;
        add(secondsLater, 10_000.0, 800.0, "cruise");
        at = keep;
        return this;
    }

    /** Appears elsewhere in the air and goes on from there. */
    Flights jumpTo(double[] where) {
        at = where.clone();
        add(60, 10_000.0, 800.0, "cruise");
        return this;
    }

    public List<Position> positions() {
        return positions;
    }

    private void add(int secondsLater, Double altitude, Double speed, String phase) {
        time += secondsLater * 1000L;
        positions.add(new Position(transponder, callsign, flightNumber, "DLH", "Lufthansa", origin, destination, at[0], at[1],
                altitude, speed, 90.0, 0.0, "1000", "ground".equals(phase), phase, null, null, null, source, time, time,
                null, "D-AIXD", "A359", "Germany"));
    }
}
