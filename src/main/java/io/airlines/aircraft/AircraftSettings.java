package io.airlines.aircraft;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Aircraft identity settings ({@code airlines.aircraft.*}).
 *
 * @param db an aircraft database file read at start (OpenSky {@code aircraftDatabase.csv} or tar1090-db
 *           {@code aircraft.csv[.gz]}); none: registrations only where the address rules give them
 */
@ConfigurationProperties("airlines.aircraft")
record AircraftSettings(Path db) {
}
