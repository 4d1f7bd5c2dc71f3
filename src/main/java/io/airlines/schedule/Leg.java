package io.airlines.schedule;

/** One flight of a journey, times local to its airports ({@code yyyy-MM-ddTHH:mm}). */
public record Leg(String carrier, String carrierName, String flightNumber, String origin, String destination,
                  String departureLocal, String arrivalLocal, String aircraft, String aircraftName) {

    public Leg withNames(String carrierName, String aircraftName) {
        return new Leg(carrier, carrierName, flightNumber, origin, destination, departureLocal, arrivalLocal,
                aircraft, aircraftName);
    }
}
