package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.airlines.aircraft.AircraftIdentities;
import io.airlines.bench.ServerProcess;
import io.airlines.etl.EtlIdle;
import io.airlines.stream.ReferenceCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start writes the demo timetable while the server already runs: the simulator still
 * flies every flight of the coming day, as it does on a restart with the timetable in the store.
 */
class FirstStartSimulatorIT {

    @TempDir
    Path temp;

    @Test
    void on_a_first_start_the_default_fleet_flies_every_flight_of_the_coming_day() {
        try (ServerProcess app = ServerProcess.builder(temp.resolve("data"))
                .log(Path.of("target", "server-logs", "first-start-simulator.log").toAbsolutePath())
                .env("AIRLINES_SIMULATOR_AIRCRAFT", String.valueOf(DefaultFleetTest.DEFAULT_AIRCRAFT))
                // Few positions: the plan is under test, not the pipeline.
                .env("AIRLINES_SIMULATOR_RATE", "0.1")
                .env("AIRLINES_DEMO_DAYS", "2")
                .env("AIRLINES_ETL_CRON", "-")
                .start()) {
            app.awaitHealthy(Duration.ofMinutes(2));
            EtlIdle.waitFor(app::url);
            await().atMost(Duration.ofMinutes(2)).until(() -> !Double.isNaN(gauge(app, "flights")));

            double flights = gauge(app, "flights");
            double inStore = comingDayInStore(app);
            assertThat(flights).as("flights of the coming day the simulator planned on, of the %s in the store",
                    inStore).isCloseTo(inStore, withinPercentage(2));
            assertThat(gauge(app, "flown") + gauge(app, "cancelled")).as("flown and cancelled of the %s flights",
                    flights).isEqualTo(flights);
        }
    }

    /** The simulator's gauge of the coming day; NaN while it does not fly. */
    private static double gauge(ServerProcess app, String name) {
        return app.metric("airlines_simulator_day_" + name).orElse(Double.NaN);
    }

    /** Timetable legs departing within a day from now, read as the server reads them. */
    private static double comingDayInStore(ServerProcess app) {
        long now = System.currentTimeMillis();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + app.mongoPort())) {
            return ReferenceCache.read(mongo.getDatabase("airlines"), AircraftIdentities.withoutDatabase()).legs()
                    .stream().filter(l -> l.departure() >= now && l.departure() < now + DayCoverage.DAY_MS).count();
        }
    }
}
