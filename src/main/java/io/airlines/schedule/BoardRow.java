package io.airlines.schedule;

/** A departure or arrival of an airport's board; {@code timeLocal} is local to that airport. */
public record BoardRow(String flightNumber, String carrier, String carrierName, String origin, String destination,
                       String timeLocal, String aircraft) {
}
