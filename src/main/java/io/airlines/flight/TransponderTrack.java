package io.airlines.flight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.stream.Geo;
import io.airlines.stream.Position;
import io.airlines.stream.PositionRules;
import io.airlines.stream.ReferenceData;

/**
 * The leg cutting of one transponder: its positions, in time order, open, continue and close its
 * legs. A leg ends at a landing followed by a stop at the gate (or by a new takeoff), a callsign
 * change, a silence of more than {@link #GAP_MS}, or a move no aircraft can make.
 * <p>
 * A leg that ends without having taken off was no flight: an aircraft that taxied back to its gate,
 * one towed, or one first seen taxiing in after a landing nobody received (its records name no
 * destination to tell). It ends when it stands for {@link #NO_TAKEOFF_AFTER_MS} (longer than a
 * hold before the runway or de-icing), and is deleted, not kept as a lost flight.
 * <p>
 * A move faster than {@link PositionRules#MAX_IMPLIED_KMH} is held back, not cut at: when the next
 * point continues the old track, the held one was a receiver's glitch and is dropped (one bad
 * decode must not split a flight in two and leave a leg of one point); when the next point
 * continues from the held one, the aircraft really is elsewhere (a transponder reused for another
 * flight) and a new leg starts at the held point.
 * <p>
 * Points at or before the last one applied change nothing, so records read again after a restart
 * or a failed write leave the legs as they were.
 */
final class TransponderTrack {

    /** A silence after which the leg is over. */
    static final long GAP_MS = 20 * 60_000L;
    /** Stopped this long after landing: at the gate, on-block. */
    static final long ON_BLOCK_AFTER_MS = 2 * 60_000L;
    /** Standing this long before any takeoff: not a departure after all. */
    static final long NO_TAKEOFF_AFTER_MS = 20 * 60_000L;
    /** Ground speed below which an aircraft on the ground stands still. */
    static final double MOVING_KMH = 5;
    /** Position noise of a standing aircraft, for sources that send no speed. */
    static final double STANDING_NOISE_KM = 0.025;

    private final String transponder;
    private LegDraft leg;
    private Position last;
    private Position held;
    private Long stoppedSince;
    private final List<FlightLeg> closed = new ArrayList<>();
    /** Legs that ended without a takeoff since the last write: to be deleted. */
    private final List<String> dropped = new ArrayList<>();
    private boolean changed;
    /** The index keys of the open leg as last written: most writes of a leg need not write them again. */
    private List<String> savedKeys = List.of();

    TransponderTrack(String transponder) {
        this.transponder = transponder;
    }

    /** A transponder as stored: its open leg (or none) and its last point. */
    static TransponderTrack resumed(String transponder, FlightLeg openLeg, Position last, Long stoppedSince) {
        TransponderTrack t = new TransponderTrack(transponder);
        t.leg = openLeg == null ? null : LegDraft.resumed(openLeg);
        t.last = last;
        t.stoppedSince = stoppedSince;
        return t;
    }

    void apply(Position p, ReferenceData ref) {
        if (last != null && p.time() <= last.time() || held != null && p.time() <= held.time()) {
            return;
        }
        if (last != null && p.time() - last.time() > GAP_MS) {
            held = null;
            end();
            begin(p, null, ref);
        } else if (last != null && PositionRules.impliedSpeedKmh(last, p) > PositionRules.MAX_IMPLIED_KMH) {
            if (held != null && PositionRules.impliedSpeedKmh(held, p) <= PositionRules.MAX_IMPLIED_KMH) {
                Position elsewhere = held;
                held = null;
                end();
                begin(elsewhere, null, ref);
                follow(p, ref);
            } else {
                held = p;
            }
        } else {
            held = null;
            follow(p, ref);
        }
    }

    private void follow(Position p, ReferenceData ref) {
        if (leg == null) {
            begin(p, last, ref);
            return;
        }
        if (p.callsign() != null && leg.callsign() != null && !sameCallsign(p.callsign(), leg.callsign())) {
            end();
            begin(p, last, ref);
            return;
        }
        boolean ground = onGround(p);
        switch (leg.status()) {
            case TAXI_OUT -> {
                if (!ground) {
                    leg.tookOff(p, last, ref);
                    stoppedSince = null;
                } else {
                    standing(p);
                }
            }
            case AIRBORNE -> {
                if (ground) {
                    leg.landed(p, ref);
                }
            }
            case LANDED -> {
                if (!ground) {
                    // Off again without having stopped at a gate: a new leg from this airport.
                    Position before = last;
                    end();
                    begin(p, before, ref);
                    return;
                }
                standing(p);
            }
            default -> throw new IllegalStateException("closed leg still open: " + leg.status());
        }
        leg.add(p, last, ref);
        last = p;
        changed = true;
        long standingLimit = leg.status() == LegStatus.TAXI_OUT ? NO_TAKEOFF_AFTER_MS : ON_BLOCK_AFTER_MS;
        if (stoppedSince != null && p.time() - stoppedSince >= standingLimit) {
            end();
        }
    }

    /** Notes since when a ground point stands still, or that it moves. */
    private void standing(Position p) {
        if (!moving(p, last)) {
            stoppedSince = stoppedSince == null ? p.time() : stoppedSince;
        } else {
            stoppedSince = null;
        }
    }

    /**
     * A leg starts at the first movement on the ground (its off-block) or at the first point in
     * the air; an aircraft standing at its gate has none, nor one first seen taxiing at the airport
     * its records fly to (it landed before it was seen: a receiver starting, the server starting).
     * {@code before}, a ground point just before a point in the air, is where it took off from.
     */
    private void begin(Position p, Position before, ReferenceData ref) {
        boolean ground = onGround(p);
        if (ground && (!moving(p, before) || taxiingIn(p, ref))) {
            // Leg-less ground points need not be stored: reading them again changes nothing.
            last = p;
            return;
        }
        leg = LegDraft.startingAt(p, ground ? LegStatus.TAXI_OUT : LegStatus.AIRBORNE);
        if (!ground && before != null && onGround(before)) {
            leg.tookOff(p, before, ref);
        }
        leg.add(p, before, ref);
        last = p;
        stoppedSince = null;
        changed = true;
    }

    /**
     * Ends the open leg, if any: arrived (on-block when it stopped, else its last point) or lost;
     * dropped when it never took off.
     */
    private void end() {
        if (leg == null) {
            return;
        }
        if (leg.status() == LegStatus.TAXI_OUT) {
            dropped.add(leg.toLeg().id());
        } else {
            leg.end(stoppedSince != null ? stoppedSince : leg.lastSeen());
            closed.add(leg.toLeg());
        }
        leg = null;
        stoppedSince = null;
        changed = true;
    }

    /** Closes the leg of an aircraft silent since more than {@link #GAP_MS} before {@code clock}. */
    void sweep(long clock) {
        if (leg != null && last != null && clock - last.time() > GAP_MS) {
            end();
        }
    }

    /** Nothing in memory that the store does not hold, and nothing open: the track may be forgotten. */
    boolean idle(long clock) {
        return !changed && leg == null && (last == null || clock - last.time() > GAP_MS);
    }

    /**
     * On the ground as the pipeline's phase says (from the source's flag, or low and slow for
     * sources without one, such as the original producer's); the source's flag when there is no phase.
     */
    static boolean onGround(Position p) {
        return p.phase() != null ? "ground".equals(p.phase()) : Boolean.TRUE.equals(p.onGround());
    }

    /** On the ground at the airport its record says it flies to. */
    private static boolean taxiingIn(Position p, ReferenceData ref) {
        if (p.destination() == null || p.lat() == null || p.lon() == null) {
            return false;
        }
        ReferenceData.Airport at = ref.airportAt(p.lat(), p.lon());
        return at != null && p.destination().equalsIgnoreCase(at.code());
    }

    private static boolean moving(Position p, Position before) {
        if (p.speed() != null) {
            return p.speed() >= MOVING_KMH;
        }
        return before != null && Geo.distanceKm(before.lat(), before.lon(), p.lat(), p.lon()) > STANDING_NOISE_KM
                && PositionRules.impliedSpeedKmh(before, p) >= MOVING_KMH;
    }

    private static boolean sameCallsign(String a, String b) {
        return a.trim().toUpperCase(Locale.ROOT).equals(b.trim().toUpperCase(Locale.ROOT));
    }

    String transponder() {
        return transponder;
    }

    boolean changed() {
        return changed;
    }

    /** The legs to write: those closed since the last write, then the open one. */
    List<FlightLeg> unsaved() {
        List<FlightLeg> legs = new ArrayList<>(closed);
        if (leg != null) {
            legs.add(leg.toLeg());
        }
        return legs;
    }

    /** The ids of the legs that ended without a takeoff since the last write: the store may hold them. */
    List<String> dropped() {
        return List.copyOf(dropped);
    }

    FlightLeg openLeg() {
        return leg == null ? null : leg.toLeg();
    }

    Position last() {
        return last;
    }

    Long stoppedSince() {
        return stoppedSince;
    }

    /** Whether the store holds this leg's keys already. */
    boolean keysSaved(FlightLeg l) {
        return savedKeys.equals(LegStore.keysOf(l));
    }

    /**
     * Keys written for the open leg that none of {@link #unsaved()} has any more (its airports or
     * flight number changed): deleted once the legs are written, so an airport's keys list its legs exactly.
     */
    List<String> staleKeys() {
        List<String> stale = new ArrayList<>(savedKeys);
        for (FlightLeg l : unsaved()) {
            stale.removeAll(LegStore.keysOf(l));
        }
        return stale;
    }

    /** The store acknowledged {@link #unsaved()} and this track's cursor. */
    void saved() {
        closed.clear();
        dropped.clear();
        changed = false;
        savedKeys = leg == null ? List.of() : LegStore.keysOf(leg.toLeg());
    }
}
