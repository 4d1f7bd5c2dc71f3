package io.airlines.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.airlines.stream.Position;

/**
 * Where a flight was at an instant, from its stored points just before and just after it: on the
 * straight line between them in latitude and longitude (the points of a reporting flight are at
 * most a minute apart, {@link TrackThinning}), or at the nearer one when there is only one close
 * enough. A flight whose nearest points are farther away was not seen then.
 */
final class SkyPoint {

    /** Points farther apart than this are not joined: a few keep-alive points in a row were lost. */
    static final long MAX_GAP_MS = 3 * TrackThinning.MAX_GAP_MS;
    /** How long a flight stays where its last (or first) point is: one keep-alive interval. */
    static final long HOLD_MS = TrackThinning.MAX_GAP_MS;

    private SkyPoint() {
    }

    /** Where each bracketed flight was at {@code time}; flights not seen then are left out. */
    static List<Position> positionsAt(Map<String, Bracket> brackets, long time) {
        List<Position> sky = new ArrayList<>(brackets.size());
        brackets.forEach((key, bracket) -> bracket.at(key, time).ifPresent(sky::add));
        return sky;
    }

    /** The points nearest to an instant on either side, offered in any order. */
    static final class Bracket {

        private TrackPoint before;
        private TrackPoint after;

        void offer(TrackPoint p, long time) {
            if (p.time() <= time && (before == null || p.time() > before.time())) {
                before = p;
            }
            if (p.time() >= time && (after == null || p.time() < after.time())) {
                after = p;
            }
        }

        boolean hasBefore() {
            return before != null;
        }

        boolean hasAfter() {
            return after != null;
        }

        Optional<Position> at(String key, long time) {
            if (before != null && after != null && after.time() - before.time() <= MAX_GAP_MS) {
                return Optional.of(between(key, before, after, time));
            }
            TrackPoint near = nearer(time);
            if (near == null || Math.abs(near.time() - time) > HOLD_MS) {
                return Optional.empty();
            }
            return Optional.of(position(key, near, near.lat(), near.lon(), near.altitude(), near.speed(), near.track(), time));
        }

        private TrackPoint nearer(long time) {
            if (before == null || after == null) {
                return before == null ? after : before;
            }
            return time - before.time() <= after.time() - time ? before : after;
        }
    }

    static Position between(String key, TrackPoint a, TrackPoint b, long time) {
        if (b.time() == a.time()) {
            return position(key, a, a.lat(), a.lon(), a.altitude(), a.speed(), a.track(), time);
        }
        double f = (double) (time - a.time()) / (b.time() - a.time());
        double dLon = b.lon() - a.lon();
        // Across the antimeridian the short way round is the other way.
        if (dLon > 180) {
            dLon -= 360;
        } else if (dLon < -180) {
            dLon += 360;
        }
        double lon = a.lon() + f * dLon;
        lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
        TrackPoint nearer = f < 0.5 ? a : b;
        return position(key, nearer, a.lat() + f * (b.lat() - a.lat()), lon, linear(a.altitude(), b.altitude(), f),
                linear(a.speed(), b.speed(), f), heading(a.track(), b.track(), f), time);
    }

    private static Position position(String key, TrackPoint p, double lat, double lon, Double altitude, Double speed,
                                     Double track, long time) {
        return Position.observed(key, null, lat, lon, altitude, speed, track, p.verticalRate(), p.squawk(),
                p.onGround(), null, time);
    }

    private static Double linear(Double a, Double b, double f) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a + f * (b - a);
    }

    /** Turns the short way round. */
    private static Double heading(Double a, Double b, double f) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        double d = ((b - a) % 360 + 540) % 360 - 180;
        return ((a + f * d) % 360 + 360) % 360;
    }
}
