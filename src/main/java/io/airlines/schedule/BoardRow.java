package io.airlines.schedule;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.airlines.board.LiveStatus;

/**
 * A departure or arrival of an airport's board; {@code timeLocal} is local to that airport. The
 * live status's fields ({@code status}, {@code estimatedDeparture}, …) sit in the row itself.
 */
public record BoardRow(String flightNumber, String carrier, String carrierName, String origin, String destination,
                       String timeLocal, String aircraft, @JsonUnwrapped LiveStatus live) {
}
