package io.airlines.store;

import java.util.Map;

/**
 * What another feature keeps of an aircraft (its flight legs, say), erased with its tracks, state
 * and events on its owner's request ({@link AircraftErasure}). The aircraft is blocked before this
 * is called, so nothing new of it arrives.
 */
public interface AircraftDataEraser {

    /**
     * Forgets the aircraft in memory, so nothing of it is written again, then deletes what is
     * stored of it; {@code hex} is its ICAO address in lower case. Returns what was deleted, by collection.
     */
    Map<String, Long> erase(String hex);
}
