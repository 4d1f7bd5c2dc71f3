package io.airlines.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one embedded stack (Kafka broker, MongoDB store, data dir) shared by every in-JVM
 * integration test: its ports are fixed once per JVM so Spring's context cache reuses one
 * application context, and one broker, for all of them.
 */
public final class TestStack {

    public static final int KAFKA_PORT = FreePorts.next();
    public static final int KAFKA_CONTROLLER_PORT = FreePorts.next();
    public static final int MONGO_PORT = FreePorts.next();
    public static final Path DATA_DIR = tempDir();
    public static final String PRIVATE_HEX = "b10c4d";
    /** The aircraft database every integration test reads: the OpenSky-layout sample. */
    public static final String AIRCRAFT_DB = "src/test/resources/aircraft/aircraftDatabase-sample.csv";
    public static final String PRIVATE_CALLSIGN_PREFIX = "PRIVJ";
    /** Blocked as a callsign that only enrichment derives (from flight number LH9931 of Lufthansa). */
    public static final String PRIVATE_DERIVED_CALLSIGN = "DLH9931";

    private TestStack() {
    }

    public static String bootstrapServers() {
        return "127.0.0.1:" + KAFKA_PORT;
    }

    public static String mongoUri() {
        return "mongodb://127.0.0.1:" + MONGO_PORT;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("airlines.data-dir", DATA_DIR::toString);
        registry.add("airlines.kafka.port", () -> KAFKA_PORT);
        registry.add("airlines.kafka.controller-port", () -> KAFKA_CONTROLLER_PORT);
        registry.add("airlines.mongo.port", () -> MONGO_PORT);
        registry.add("airlines.kafka.bootstrap-servers", () -> "");
        registry.add("airlines.mongo.uri", () -> "");
        registry.add("airlines.mongo.database", () -> "airlines_test");
        // A few deterministic simulated aircraft so pages have something to draw; tests of the
        // pipeline use their own unique flight keys, so these never disturb their assertions.
        registry.add("airlines.simulator.aircraft", () -> 20);
        registry.add("airlines.simulator.seed", () -> 7);
        registry.add("airlines.aircraft.db", () -> AIRCRAFT_DB);
        // Fly at once (round trips from airline bases), then replanned onto the demo timetable once loaded.
        registry.add("airlines.simulator.timetable-wait", () -> "0s");
        // The Lufthansa API is the fake one (a real HTTP server on loopback), with credentials.
        registry.add("airlines.lufthansa.base-url", () -> FakeLufthansa.API.baseUrl());
        registry.add("airlines.lufthansa.client-id", () -> io.airlines.lufthansa.fake.FakeLufthansaApi.CLIENT_ID);
        registry.add("airlines.lufthansa.client-secret", () -> FakeLufthansa.SECRET);
        registry.add("airlines.etl.cron", () -> "-");
        // Aircraft whose owners asked not to be shown (FAA LADD/PIA style): one hex, one callsign prefix.
        registry.add("airlines.privacy.blocklist", () -> PRIVATE_HEX + "," + PRIVATE_CALLSIGN_PREFIX + "*,"
                + PRIVATE_DERIVED_CALLSIGN);
        // Four days of demo timetable keep every test JVM's start light and hold the day after tomorrow
        // that searches ask for even when the suite crosses midnight (with three, a search started
        // after midnight asked for a day never loaded).
        registry.add("airlines.offline.demo-days", () -> 4);
        // Long enough that no pipeline test's flight falls silent while it runs, short enough to test.
        registry.add("airlines.stream.signal-lost-after", () -> "8s");
        // The simulator keeps positions coming, so legs are written at the interval, not when the stream is quiet.
        registry.add("airlines.legs.flush-interval", () -> "1s");
        // Every event is posted to a receiver on loopback; short waits between tries keep retry tests quick.
        registry.add("airlines.webhooks.urls", WebhookReceiver.SHARED::url);
        registry.add("airlines.webhooks.secret", () -> WebhookReceiver.SECRET);
        registry.add("airlines.webhooks.backoff", () -> "100ms");
        registry.add("airlines.webhooks.max-tries", () -> 4);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("airlines-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
