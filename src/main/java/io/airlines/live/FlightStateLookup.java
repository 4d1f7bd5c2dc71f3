package io.airlines.live;

import java.util.Optional;

import io.airlines.stream.Position;

/** The last stored state of a flight no longer in the live view (implemented by the store). */
public interface FlightStateLookup {

    Optional<Position> find(String key);
}
