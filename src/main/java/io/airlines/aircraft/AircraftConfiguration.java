package io.airlines.aircraft;

import java.io.IOException;
import java.nio.file.Path;

import io.airlines.config.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The aircraft database, read once at start when {@code AIRLINES_AIRCRAFT_DB} names one. */
@Configuration(proxyBeanMethods = false)
class AircraftConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AircraftConfiguration.class);

    @Bean
    AircraftIdentities aircraftIdentities(AircraftSettings settings) {
        Path file = settings.db();
        if (file == null || file.toString().isBlank()) {
            return AircraftIdentities.withoutDatabase();
        }
        AircraftFiles.Loaded loaded;
        long start = System.nanoTime();
        try {
            loaded = AircraftFiles.load(file);
        } catch (IOException e) {
            throw new StartupException("cannot read the aircraft database " + file + " (" + e.getMessage()
                    + "); set AIRLINES_AIRCRAFT_DB to a readable file or leave it empty", e);
        }
        AircraftDatabase database = loaded.database();
        log.info("Aircraft database {}: {} aircraft from {} rows ({} skipped: no valid address or broken) in {} ms, {} KiB",
                file, database.size(), loaded.rows(), loaded.skipped(), (System.nanoTime() - start) / 1_000_000,
                database.footprintBytes() / 1024);
        return new AircraftIdentities(database, IcaoAddresses.shipped());
    }
}
