package io.airlines.ingest;

/** What stays with a simulated aircraft for its whole rotation: transponder, registration, type, country. */
record AircraftIdentity(String address, String registration, String type, String country) {
}
