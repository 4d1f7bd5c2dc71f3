package io.airlines.board;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.airlines.board.TimetableFlight.Side;
import io.airlines.flight.FlightLeg;
import io.airlines.flight.FlightLeg.LegStatus;

/**
 * The status of a timetabled flight from its leg (if one was seen), its live ETA and the clock.
 * A flight is departed once off block, airborne once it took off (or was first seen in the air),
 * landed once it landed. Before that it is scheduled until its time is past by {@link #DELAYED_AFTER},
 * delayed (by at least the time past) until {@link #NO_DATA_AFTER}, then no data: a flight
 * cancelled without notice is simply never seen, so it ends there too; an aircraft seen at its gate
 * stays delayed however late. A leg lost in flight stays airborne until its arrival time is past by
 * {@link #NO_DATA_AFTER}. Estimated and actual times and delays come from the leg, the live ETA, or
 * the clock for an overdue flight (it cannot leave or arrive before now); none are made up.
 */
public final class StatusRules {

    /** The usual threshold of a delay: later than this and a flight is not on time. */
    static final Duration DELAYED_AFTER = Duration.ofMinutes(15);
    /** Past its time by this much without being seen, a flight is shown as unknown, not as delayed. */
    static final Duration NO_DATA_AFTER = Duration.ofHours(2);
    /** An aircraft seen at its gate is still expected this late: longer than any real delay. */
    static final Duration GATE_PATIENCE = Duration.ofDays(1);

    private StatusRules() {
    }

    /** {@code leg} and {@code eta} may be null: not seen, or no live estimate. */
    public static LiveStatus status(TimetableFlight flight, FlightLeg leg, Instant eta, Instant now) {
        if (leg == null) {
            return beforeDeparture(flight, now, NO_DATA_AFTER);
        }
        if (!departed(leg)) {
            LiveStatus waiting = beforeDeparture(flight, now, GATE_PATIENCE);
            return new LiveStatus(waiting.status(), waiting.estimatedDeparture(), waiting.estimatedArrival(), null, null,
                    waiting.delayMinutes(), leg.id(), leg.transponder());
        }
        Instant actualDeparture = first(leg.offBlock(), leg.takeoff());
        Instant actualArrival = first(leg.landing(), leg.onBlock());
        FlightStatus status = phase(leg);
        if (status != FlightStatus.LANDED && leg.status() == LegStatus.LOST && lostTooLong(flight, leg, now)) {
            status = FlightStatus.NO_DATA;
        }
        Instant estimatedArrival = actualArrival == null && status != FlightStatus.NO_DATA ? eta : null;
        Integer delay = flight.side() == Side.DEPARTURE
                ? actualDeparture != null ? minutesOrNull(flight.scheduled(), actualDeparture) : leg.delayMinutes()
                : minutesOrNull(flight.scheduled(), first(actualArrival, estimatedArrival));
        return new LiveStatus(status, null, estimatedArrival, actualDeparture, actualArrival, delay,
                leg.id(), leg.transponder());
    }

    private static LiveStatus beforeDeparture(TimetableFlight flight, Instant now, Duration noDataAfter) {
        if (flight.cancelled()) {
            return LiveStatus.only(FlightStatus.CANCELLED);
        }
        Duration past = Duration.between(flight.scheduled(), now);
        if (past.compareTo(DELAYED_AFTER) < 0) {
            return LiveStatus.only(FlightStatus.SCHEDULED);
        }
        if (past.compareTo(noDataAfter) >= 0) {
            return LiveStatus.only(FlightStatus.NO_DATA);
        }
        Instant notBefore = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        boolean departing = flight.side() == Side.DEPARTURE;
        return new LiveStatus(FlightStatus.DELAYED, departing ? notBefore : null, departing ? null : notBefore,
                null, null, minutes(flight.scheduled(), notBefore), null, null);
    }

    private static boolean departed(FlightLeg leg) {
        return leg.offBlock() != null || phase(leg) != FlightStatus.DEPARTED;
    }

    /** What the leg saw last; {@code DEPARTED} also for a leg only seen at its gate, which callers tell apart. */
    private static FlightStatus phase(FlightLeg leg) {
        if (leg.landing() != null || leg.onBlock() != null
                || leg.status() == LegStatus.LANDED || leg.status() == LegStatus.ARRIVED) {
            return FlightStatus.LANDED;
        }
        // A leg lost without an off-block time was first seen in the air.
        if (leg.takeoff() != null || leg.status() == LegStatus.AIRBORNE
                || leg.status() == LegStatus.LOST && leg.offBlock() == null) {
            return FlightStatus.AIRBORNE;
        }
        return FlightStatus.DEPARTED;
    }

    private static boolean lostTooLong(TimetableFlight flight, FlightLeg leg, Instant now) {
        Instant arrival = first(leg.scheduledArrival(), flight.side() == Side.ARRIVAL ? flight.scheduled() : null);
        Instant expected = arrival != null ? arrival : leg.lastSeen();
        return expected == null || !now.isBefore(expected.plus(NO_DATA_AFTER));
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }

    private static Integer minutesOrNull(Instant scheduled, Instant actual) {
        return actual == null ? null : minutes(scheduled, actual);
    }

    private static int minutes(Instant scheduled, Instant actual) {
        return (int) Math.round(Duration.between(scheduled, actual).toSeconds() / 60.0);
    }
}
