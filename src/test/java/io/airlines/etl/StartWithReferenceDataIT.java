package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.airlines.bench.ServerProcess;
import io.airlines.schedule.TimetableStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is ready before its reference catalog is read, yet the reference API answers in full
 * from the first request, on a first start (from the shipped set being written) and on a restart
 * (from the store); and the embedded store keeps no index it ignores, which it would read every
 * collection through for at each start.
 */
class StartWithReferenceDataIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final List<String> BATCH_COLLECTIONS = List.of("countries", "cities", "airports", "airlines",
            "aircraft", TimetableStore.FLIGHTS, "etl_runs");

    @TempDir
    Path temp;

    @Test
    void the_reference_api_answers_in_full_as_soon_as_healthy_and_the_store_keeps_no_ignored_index() {
        Path dataDir = temp.resolve("data");
        ServerProcess first = ServerProcess.builder(dataDir).env("AIRLINES_DEMO_DAYS", "1").log(log("first")).start();
        try (first) {
            first.awaitHealthy(START);
            assertThat(first.get("/api/v1/places?q=Paris")).get().asString().contains("\"CDG\"");
            String output = first.output();
            assertThat(output.indexOf("Reference catalog loaded")).as("catalog loaded after the start")
                    .isGreaterThan(output.indexOf("Started Application"));
            await().atMost(Duration.ofMinutes(3)).until(() -> first.get("/api/v1/etl/runs")
                    .filter(runs -> runs.contains("\"job\":\"demo-timetable\"") && !runs.contains("\"queued\"")
                            && !runs.contains("\"running\"")).isPresent());
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + first.mongoPort())) {
                MongoDatabase db = mongo.getDatabase("airlines");
                assertThat(nonUniqueIndexes(db)).isEmpty();
                // As an earlier version left it.
                db.getCollection(TimetableStore.FLIGHTS).createIndex(Indexes.ascending("flight_numbers"));
                assertThat(nonUniqueIndexes(db)).containsExactly("flights.flight_numbers_1");
            }
            first.stop(Duration.ofSeconds(30));
        }

        try (ServerProcess again = ServerProcess.builder(dataDir).portsOf(first).log(log("again")).start()) {
            again.awaitHealthy(START);
            assertThat(again.get("/api/v1/airports/CDG")).get().asString().contains("Charles de Gaulle");
            assertThat(again.get("/api/v1/places?q=Paris")).get().asString().contains("\"CDG\"");
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + again.mongoPort())) {
                assertThat(nonUniqueIndexes(mongo.getDatabase("airlines"))).isEmpty();
            }
        }
    }

    private static List<String> nonUniqueIndexes(MongoDatabase db) {
        List<String> found = new ArrayList<>();
        for (String name : BATCH_COLLECTIONS) {
            for (Document index : db.getCollection(name).listIndexes()) {
                if (!"_id_".equals(index.getString("name")) && !Boolean.TRUE.equals(index.getBoolean("unique"))) {
                    found.add(name + "." + index.getString("name"));
                }
            }
        }
        return found;
    }

    private Path log(String name) {
        return Path.of("target", "server-logs", getClass().getSimpleName() + "-" + name + "-" + UUID.randomUUID() + ".log");
    }
}
