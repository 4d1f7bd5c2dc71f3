package io.airlines.store;

import java.util.Objects;

/**
 * The {@code thinned} track rule, after readsb's traces: keep a point when the flight changed
 * (track, altitude, speed, vertical rate, ground state, squawk) beyond a threshold since the last
 * kept point, or when enough time passed. Points around events are kept because events are such
 * changes (takeoff and landing change the ground state, an emergency the squawk).
 */
final class TrackThinning {

    static final long MAX_GAP_MS = 60_000;
    static final double TRACK_DEGREES = 3;
    static final double ALTITUDE_M = 100;
    static final double SPEED_KMH = 20;
    static final double VERTICAL_RATE = 2.5;

    private TrackThinning() {
    }

    static boolean keep(TrackPoint lastKept, TrackPoint p) {
        if (lastKept == null) {
            return true;
        }
        if (p.time() - lastKept.time() >= MAX_GAP_MS || p.time() < lastKept.time()) {
            return true;
        }
        if (p.onGround() != lastKept.onGround() || !Objects.equals(p.squawk(), lastKept.squawk())) {
            return true;
        }
        return differs(angle(lastKept.track(), p.track()), TRACK_DEGREES)
                || differs(delta(lastKept.altitude(), p.altitude()), ALTITUDE_M)
                || differs(delta(lastKept.speed(), p.speed()), SPEED_KMH)
                || differs(delta(lastKept.verticalRate(), p.verticalRate()), VERTICAL_RATE);
    }

    private static boolean differs(Double change, double threshold) {
        return change != null && change >= threshold;
    }

    private static Double delta(Double a, Double b) {
        return a == null || b == null ? null : Math.abs(a - b);
    }

    private static Double angle(Double a, Double b) {
        if (a == null || b == null) {
            return null;
        }
        double d = Math.abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }
}
