package io.airlines.ingest;

import java.util.HashMap;
import java.util.Map;

import io.airlines.stream.Position;

/**
 * Merges SBS-1 messages per aircraft (callsign from type 1, position from 2/3, velocity from 4,
 * squawk from 6) and yields a position each time one arrives. Converts to metres, km/h and m/s.
 */
final class SbsTracker {

    static final double FT = 0.3048;
    static final double KT = 1.852;
    static final double FT_PER_MIN = 0.00508;
    /** Forget an aircraft not heard for this long, so a reused hex starts afresh. */
    static final long FORGET_MS = 5 * 60_000;

    private static final class Aircraft {
        String callsign;
        Double altitude;
        Double speed;
        Double track;
        Double verticalRate;
        String squawk;
        Boolean onGround;
        long lastHeard;
    }

    private final Map<String, Aircraft> aircraft = new HashMap<>();

    /** Folds one message in; returns a position when it carried one, else null. */
    Position accept(SbsMessage m, long now) {
        Aircraft a = aircraft.get(m.hex());
        if (a == null || now - a.lastHeard > FORGET_MS) {
            a = new Aircraft();
            aircraft.put(m.hex(), a);
        }
        a.lastHeard = now;
        if (m.callsign() != null) {
            a.callsign = m.callsign();
        }
        if (m.altitudeFt() != null) {
            a.altitude = m.altitudeFt() * FT;
        }
        if (m.speedKt() != null) {
            a.speed = m.speedKt() * KT;
        }
        if (m.track() != null) {
            a.track = m.track();
        }
        if (m.verticalRateFtMin() != null) {
            a.verticalRate = m.verticalRateFtMin() * FT_PER_MIN;
        }
        if (m.squawk() != null) {
            a.squawk = m.squawk();
        }
        if (m.onGround() != null) {
            a.onGround = m.onGround();
        }
        if (m.lat() == null || m.lon() == null) {
            return null;
        }
        return Position.observed(m.hex(), a.callsign, m.lat(), m.lon(), a.altitude, a.speed, a.track, a.verticalRate,
                a.squawk, a.onGround, Position.SBS, now);
    }

    void forgetSilent(long now) {
        aircraft.values().removeIf(a -> now - a.lastHeard > FORGET_MS);
    }
}
