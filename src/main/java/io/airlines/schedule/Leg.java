package io.airlines.schedule;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.airlines.board.LiveStatus;

/**
 * One flight of a journey, times local to its airports ({@code yyyy-MM-ddTHH:mm}). {@code live},
 * its live status, is only there in search answers for today's journeys (never stored).
 */
public record Leg(String carrier, String carrierName, String flightNumber, String origin, String destination,
                  String departureLocal, String arrivalLocal, String aircraft, String aircraftName,
                  @JsonUnwrapped LiveStatus live) {

    public Leg(String carrier, String carrierName, String flightNumber, String origin, String destination,
               String departureLocal, String arrivalLocal, String aircraft, String aircraftName) {
        this(carrier, carrierName, flightNumber, origin, destination, departureLocal, arrivalLocal, aircraft,
                aircraftName, null);
    }

    public Leg withNames(String carrierName, String aircraftName) {
        return new Leg(carrier, carrierName, flightNumber, origin, destination, departureLocal, arrivalLocal,
                aircraft, aircraftName, live);
    }

    public Leg withLive(LiveStatus status) {
        return new Leg(carrier, carrierName, flightNumber, origin, destination, departureLocal, arrivalLocal,
                aircraft, aircraftName, status);
    }
}
