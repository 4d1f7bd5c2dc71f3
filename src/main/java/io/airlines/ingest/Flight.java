package io.airlines.ingest;

import io.airlines.stream.ReferenceData.Airport;

/**
 * One leg as an aircraft flies it: pushback at {@code offBlock} (the scheduled time plus its
 * delay), then the {@link FlightPlan} to the gate at the destination.
 */
record Flight(String flightNumber, String callsign, long scheduledDeparture, long offBlock, FlightPlan plan) {

    Airport from() {
        return plan.from();
    }

    Airport to() {
        return plan.to();
    }

    /** Identifies the scheduled leg: flight number and scheduled departure. */
    String key() {
        return key(flightNumber, scheduledDeparture);
    }

    static String key(String flightNumber, long scheduledDeparture) {
        return flightNumber + "@" + scheduledDeparture;
    }

    long onBlock() {
        return offBlock + plan.totalMs();
    }
}
