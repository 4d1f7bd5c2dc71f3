package io.airlines.ingest;

import java.util.SplittableRandom;

/**
 * How late a flight leaves its gate, as a pure function of the seed, flight number and scheduled
 * time: most within a few minutes of schedule (a few early), some a quarter of an hour late, a
 * tail of long delays, and a few cancellations.
 */
final class DelayModel {

    static final double CANCELLED_SHARE = 0.015;
    private static final long MINUTE = 60_000L;

    private final long seed;

    DelayModel(long seed) {
        this.seed = seed;
    }

    boolean cancelled(String flightNumber, long scheduledDeparture) {
        return draw(flightNumber, scheduledDeparture).nextDouble() < CANCELLED_SHARE;
    }

    /** Milliseconds after the scheduled off-block time the flight pushes back (negative: early). */
    long delayMs(String flightNumber, long scheduledDeparture) {
        SplittableRandom r = draw(flightNumber, scheduledDeparture);
        r.nextDouble(); // the cancellation draw
        double band = r.nextDouble();
        double minutes;
        if (band < 0.65) {
            minutes = -3 + r.nextDouble() * 8;
        } else if (band < 0.88) {
            minutes = 5 + r.nextDouble() * 15;
        } else if (band < 0.97) {
            minutes = 20 + r.nextDouble() * 40;
        } else {
            // The long tail: exponential beyond an hour, capped at five.
            minutes = Math.min(300, 60 + -Math.log(1 - r.nextDouble()) * 50);
        }
        return Math.round(minutes * MINUTE / 1000) * 1000;
    }

    private SplittableRandom draw(String flightNumber, long scheduledDeparture) {
        long h = seed * 0x9E3779B97F4A7C15L ^ flightNumber.hashCode() * 0xC2B2AE3D27D4EB4FL ^ scheduledDeparture;
        return new SplittableRandom(h);
    }
}
