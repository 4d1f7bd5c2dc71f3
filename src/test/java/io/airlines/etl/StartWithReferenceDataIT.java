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
import io.airlines.bench.ServerProcess;
import io.airlines.reference.ReferenceKind;
import io.airlines.schedule.TimetableStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is ready before its reference catalog is read, yet the reference API answers in full
 * from the first request, on a first start (from the shipped set being written) and on a restart
 * (from the store); the batch jobs' indexes exist on the embedded store, also after a start on a
 * data directory that lost some. That the store opens those indexes' collections without reading
 * their documents, so that a restart on a year of timetable is as quick, is StoreOpenTest's.
 */
class StartWithReferenceDataIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String PLACES = "/api/v1/places?q=Paris";
    /** The indexes other than on a key, each as collection.name. */
    private static final List<String> SECONDARY_INDEXES = List.of("airports.city_code_1", "airports.country_code_1",
            "airlines.airline_id_icao_1", TimetableStore.FLIGHTS + ".origin_1_destination_1_departure_date_1",
            TimetableStore.FLIGHTS + ".flight_numbers_1", EtlRunStore.COLLECTION + ".started_at_-1",
            EtlRunStore.COLLECTION + ".status_1");

    @TempDir
    Path temp;

    @Test
    void the_reference_api_answers_in_full_as_soon_as_healthy_and_a_restart_restores_the_indexes_a_data_directory_lacks() {
        Path dataDir = temp.resolve("data");
        ServerProcess first = server(dataDir, "first").start();
        try (first) {
            first.awaitHealthy(START);
            assertThat(first.get(PLACES)).get().asString().contains("\"CDG\"");
            String output = first.output();
            assertThat(output.indexOf("Reference catalog loaded")).as("catalog loaded after the start")
                    .isGreaterThan(output.indexOf("Started Application"));
            await().atMost(Duration.ofMinutes(3)).until(() -> first.get("/api/v1/etl/runs")
                    .filter(runs -> runs.contains("\"job\":\"demo-timetable\"") && !runs.contains("\"queued\"")
                            && !runs.contains("\"running\"")).isPresent());
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + first.mongoPort())) {
                MongoDatabase db = mongo.getDatabase("airlines");
                assertThat(indexes(db)).containsAll(keyIndexes()).containsAll(SECONDARY_INDEXES);
                // As a version that kept only unique indexes on the embedded store left it.
                SECONDARY_INDEXES.forEach(index -> dropIndex(db, index));
            }
            first.stop(Duration.ofSeconds(30));
        }

        try (ServerProcess again = server(dataDir, "again").portsOf(first).start()) {
            again.awaitHealthy(START);
            awaitPlaces(again);
            assertThat(again.get("/api/v1/airports/CDG")).get().asString().contains("Charles de Gaulle");
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + again.mongoPort())) {
                assertThat(indexes(mongo.getDatabase("airlines"))).as("indexes a data directory lacked, back")
                        .containsAll(SECONDARY_INDEXES);
            }
        }
    }

    private static void awaitPlaces(ServerProcess server) {
        await().atMost(START).until(() -> server.get(PLACES).filter(body -> body.contains("\"CDG\"")).isPresent());
    }

    private static List<String> keyIndexes() {
        List<String> names = new ArrayList<>();
        for (ReferenceKind kind : ReferenceKind.values()) {
            names.add(kind.collection() + "." + kind.keyField() + "_1");
        }
        return names;
    }

    private static List<String> indexes(MongoDatabase db) {
        List<String> found = new ArrayList<>();
        for (String collection : db.listCollectionNames()) {
            for (Document index : db.getCollection(collection).listIndexes()) {
                found.add(collection + "." + index.getString("name"));
            }
        }
        return found;
    }

    private static void dropIndex(MongoDatabase db, String index) {
        int dot = index.indexOf('.');
        db.getCollection(index.substring(0, dot)).dropIndex(index.substring(dot + 1));
    }

    /** With the one day of demo timetable the first start stores, so a restart generates none. */
    private ServerProcess.Builder server(Path dataDir, String name) {
        return ServerProcess.builder(dataDir).env("AIRLINES_DEMO_DAYS", "1").log(log(name));
    }

    private Path log(String name) {
        return Path.of("target", "server-logs", getClass().getSimpleName() + "-" + name + "-" + UUID.randomUUID() + ".log");
    }
}
