package io.airlines.ingest;

import io.airlines.stream.Geo;
import io.airlines.stream.ReferenceData.Airport;

/**
 * One simulated leg as a pure function of elapsed time: taxi out, climb with speed building up,
 * cruise, descent with speed bleeding off, taxi in. Short legs cruise lower so that climb and
 * descent fit in the distance. The states on the ground are computed once: at 1 Hz over a large
 * fleet, every trigonometric call saved counts.
 */
final class FlightPlan {

    static final double LIFT_OFF_KMH = 280;
    static final double FINAL_KMH = 250;
    static final double TAXI_KMH = 25;
    static final double CLIMB_RATE = 10;
    static final double DESCENT_RATE = 7;
    static final double HOP_KMH_PER_KM = 4;

    /** What the simulator reports at one instant of the leg. */
    record State(double lat, double lon, double altitude, double speed, double track, double verticalRate,
                 boolean onGround) {
    }

    private final Airport from;
    private final Airport to;
    private final double distanceKm;
    private final double cruiseAltitude;
    private final double cruiseSpeed;
    private final long taxiMs;
    private final long climbMs;
    private final long cruiseMs;
    private final long descentMs;
    private final State taxiOut;
    private final State taxiIn;
    private final State parkedBefore;
    private final GreatCircle route;

    private FlightPlan(Airport from, Airport to, double distanceKm, double cruiseAltitude, double cruiseSpeed,
                       long taxiMs, long climbMs, long cruiseMs, long descentMs) {
        this.from = from;
        this.to = to;
        this.distanceKm = distanceKm;
        this.cruiseAltitude = cruiseAltitude;
        this.cruiseSpeed = cruiseSpeed;
        this.taxiMs = taxiMs;
        this.climbMs = climbMs;
        this.cruiseMs = cruiseMs;
        this.descentMs = descentMs;
        this.taxiOut = ground(from, to, TAXI_KMH);
        this.taxiIn = ground(to, from, TAXI_KMH);
        this.parkedBefore = ground(from, to, 0);
        this.route = new GreatCircle(from.lat(), from.lon(), to.lat(), to.lon());
    }

    static FlightPlan between(Airport from, Airport to, double preferredAltitude, double preferredSpeed, long taxiMs) {
        double d = Geo.distanceKm(from.lat(), from.lon(), to.lat(), to.lon());
        // A hop between neighbouring airports never gets to cruise speed.
        double cruiseSpeed = Math.min(preferredSpeed, LIFT_OFF_KMH + HOP_KMH_PER_KM * d);
        // km flown per metre of altitude while climbing and descending at these rates and speeds
        double perMetre = (LIFT_OFF_KMH + cruiseSpeed) / 2 / CLIMB_RATE / 3600
                + (cruiseSpeed + FINAL_KMH) / 2 / DESCENT_RATE / 3600;
        double altitude = Math.max(600, Math.min(preferredAltitude, 0.9 * d / perMetre));
        long climb = Math.round(altitude / CLIMB_RATE * 1000);
        long descent = Math.round(altitude / DESCENT_RATE * 1000);
        double climbKm = (LIFT_OFF_KMH + cruiseSpeed) / 2 * climb / 3_600_000.0;
        double descentKm = (cruiseSpeed + FINAL_KMH) / 2 * descent / 3_600_000.0;
        long cruise = Math.round(Math.max(0, d - climbKm - descentKm) / cruiseSpeed * 3_600_000);
        return new FlightPlan(from, to, d, altitude, cruiseSpeed, taxiMs, climb, cruise, descent);
    }

    Airport from() {
        return from;
    }

    Airport to() {
        return to;
    }

    double cruiseAltitude() {
        return cruiseAltitude;
    }

    long climbMs() {
        return climbMs;
    }

    long cruiseMs() {
        return cruiseMs;
    }

    long descentMs() {
        return descentMs;
    }

    /** Standing at the gate of the origin before pushback, facing the way out. */
    State parkedBefore() {
        return parkedBefore;
    }

    /** Block time from pushback to arrival at the gate. */
    long totalMs() {
        return 2 * taxiMs + climbMs + cruiseMs + descentMs;
    }

    State at(long elapsedMs) {
        long t = Math.max(0, Math.min(elapsedMs, totalMs()));
        if (t < taxiMs) {
            return taxiOut;
        }
        t -= taxiMs;
        double v = cruiseSpeed;
        if (t < climbMs) {
            double h = t / 3_600_000.0;
            double speed = LIFT_OFF_KMH + (v - LIFT_OFF_KMH) * t / climbMs;
            double s = LIFT_OFF_KMH * h + (v - LIFT_OFF_KMH) * h * h / (2 * climbMs / 3_600_000.0);
            return air(s, cruiseAltitude * t / climbMs, speed, CLIMB_RATE);
        }
        double climbKm = (LIFT_OFF_KMH + v) / 2 * climbMs / 3_600_000.0;
        t -= climbMs;
        if (t < cruiseMs) {
            return air(climbKm + v * t / 3_600_000.0, cruiseAltitude, v, 0);
        }
        double cruiseKm = v * cruiseMs / 3_600_000.0;
        t -= cruiseMs;
        if (t < descentMs) {
            double h = t / 3_600_000.0;
            double speed = v - (v - FINAL_KMH) * t / descentMs;
            double s = v * h - (v - FINAL_KMH) * h * h / (2 * descentMs / 3_600_000.0);
            return air(climbKm + cruiseKm + s, cruiseAltitude * (1 - (double) t / descentMs), speed, -DESCENT_RATE);
        }
        return taxiIn;
    }

    private State air(double alongKm, double altitude, double speed, double verticalRate) {
        double fraction = distanceKm < 1e-6 ? 1 : Math.min(1, alongKm / distanceKm);
        GreatCircle.Point p = route.point(fraction);
        return new State(p.lat(), p.lon(), altitude, speed, p.track(), verticalRate, false);
    }

    private static State ground(Airport at, Airport facing, double speed) {
        return new State(at.lat(), at.lon(), 0, speed, Geo.bearing(at.lat(), at.lon(), facing.lat(), facing.lon()), 0, true);
    }
}
