package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
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
 * data directory that lost some; and a restart on many times the timetable is ready as soon: the
 * store, which every request that reads it waits for, opens without reading the documents of the
 * collections these indexes are on.
 */
class StartWithReferenceDataIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String PLACES = "/api/v1/places?q=Paris";
    /** The indexes other than on a key, each as collection.name. */
    private static final List<String> SECONDARY_INDEXES = List.of("airports.city_code_1", "airports.country_code_1",
            "airlines.airline_id_icao_1", TimetableStore.FLIGHTS + ".origin_1_destination_1_departure_date_1",
            TimetableStore.FLIGHTS + ".flight_numbers_1", EtlRunStore.COLLECTION + ".started_at_-1",
            EtlRunStore.COLLECTION + ".status_1");
    /** The stored timetable's journeys are copied this many times over before the last restart. */
    private static final int COPIES = 40;

    @TempDir
    Path temp;

    @Test
    void the_reference_api_answers_in_full_as_soon_as_healthy_and_a_restart_does_not_wait_longer_with_more_data() {
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

        Duration small;
        long launched = System.nanoTime();
        try (ServerProcess again = server(dataDir, "again").portsOf(first).start()) {
            small = untilStoreAccepts(again, launched);
            awaitPlaces(again);
            assertThat(again.get("/api/v1/airports/CDG")).get().asString().contains("Charles de Gaulle");
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + again.mongoPort())) {
                MongoDatabase db = mongo.getDatabase("airlines");
                assertThat(indexes(db)).as("indexes a data directory lacked, back").containsAll(SECONDARY_INDEXES);
                copyJourneys(db.getCollection(TimetableStore.FLIGHTS));
            }
            again.stop(Duration.ofSeconds(60));
        }

        launched = System.nanoTime();
        try (ServerProcess loaded = server(dataDir, "loaded").portsOf(first).start()) {
            Duration large = untilStoreAccepts(loaded, launched);
            awaitPlaces(loaded);
            // Reading the collection through for each of its indexes would take several times the open before.
            assertThat(large).as("the store's open with %d times the journeys, against %s before", COPIES, small)
                    .isLessThan(small.multipliedBy(2).plusSeconds(5));
        }
    }

    /**
     * The time from launch until the store accepts connections, which it does once it has opened
     * every collection: every request that reads the store waits for it.
     */
    private static Duration untilStoreAccepts(ServerProcess server, long launched) {
        await().atMost(START).pollInterval(Duration.ofMillis(50)).until(() -> accepts(server.mongoPort()));
        return Duration.ofNanos(System.nanoTime() - launched);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitPlaces(ServerProcess server) {
        await().atMost(START).until(() -> server.get(PLACES).filter(body -> body.contains("\"CDG\"")).isPresent());
    }

    /** Copies of every stored journey under other keys, so the collection holds many times as many documents. */
    private static void copyJourneys(MongoCollection<Document> flights) {
        List<Document> journeys = flights.find().into(new ArrayList<>());
        for (int copy = 1; copy <= COPIES; copy++) {
            List<Document> copies = new ArrayList<>(journeys.size());
            for (Document journey : journeys) {
                copies.add(new Document(journey).append("_id", journey.get("_id") + "#" + copy));
            }
            flights.insertMany(copies, new InsertManyOptions().ordered(false));
        }
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
