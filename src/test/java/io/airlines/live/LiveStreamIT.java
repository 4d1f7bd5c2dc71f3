package io.airlines.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.airlines.stream.Canonical;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LiveStreamIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Event(String name, String data) {
    }

    /** Reads SSE events from the stream until one matches, on a real HTTP connection. */
    static Event readUntil(BufferedReader reader, List<Event> seen, java.util.function.Predicate<Event> wanted) throws Exception {
        String name = null;
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            } else if (line.isEmpty() && name != null) {
                Event e = new Event(name, data.toString());
                seen.add(e);
                if (wanted.test(e)) {
                    return e;
                }
                name = null;
                data.setLength(0);
            }
        }
        throw new AssertionError("stream ended; saw " + seen.size() + " events");
    }

    @Test
    void the_stream_sends_a_snapshot_then_compact_deltas_and_alerts() throws Exception {
        String key = TestKafka.uniqueKey("SS");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url("/api/v1/live/stream")))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            List<Event> seen = new ArrayList<>();
            CompletableFuture<Event> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return readUntil(reader, seen, e -> true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Event snapshot = first.get(20, TimeUnit.SECONDS);
            assertThat(snapshot.name()).isEqualTo("snapshot");
            assertThat(snapshot.data()).startsWith("{\"time\":").contains("\"fields\":[\"key\",\"lat\",\"lon\",\"altitude\",\"track\","
                    + "\"speed\",\"verticalRate\",\"callsign\",\"squawk\",\"airline\",\"origin\",\"destination\",\"onGround\",\"source\","
                    + "\"registration\",\"aircraftType\"]")
                    .endsWith("\"removed\":[]}");

            long t = System.currentTimeMillis();
            TestKafka.send(Topics.POSITIONS_RAW, key, Canonical.json(key, t - 1000, 51.123456, -1.5, 10000.4, "1000", "http"),
                    Canonical.json(key, t, 51.1236, -1.5, 10000.4, "7600", "http"));
            Event delta = CompletableFuture.supplyAsync(() -> {
                try {
                    return readUntil(reader, seen, e -> e.name().equals("delta") && e.data().contains("\"" + key + "\""));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(delta.data()).containsPattern("\\[\"" + key + "\",51\\.1\\d{4},-1\\.50000,10000,90\\.0,800,0\\.0,\"TST\\w{4}\",\"(1000|7600)\",null,null,null,0,\"http\",null,null\\]");
            java.util.function.Predicate<Event> isAlert = e -> e.name().equals("alert") && e.data().contains(key);
            Event alert = seen.stream().anyMatch(isAlert) ? seen.stream().filter(isAlert).findFirst().get()
                    : CompletableFuture.supplyAsync(() -> {
                try {
                    return readUntil(reader, seen, isAlert);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(alert.data()).contains("\"type\":\"emergency\"").contains("\"squawk\":\"7600\"");
        }
    }

    @Test
    void the_frames_format_names_an_aircraft_once_then_sends_its_numbers_as_columns() throws Exception {
        String key = TestKafka.uniqueKey("FR");
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/live/stream?format=frames")))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            List<Event> seen = new ArrayList<>();
            DecodedMap map = new DecodedMap();
            Event snapshot = CompletableFuture.supplyAsync(() -> read(reader, seen, e -> true)).get(20, TimeUnit.SECONDS);
            assertThat(snapshot.name()).isEqualTo("snapshot");
            map.apply(JSON.readTree(snapshot.data()));

            long t = System.currentTimeMillis();
            TestKafka.send(Topics.POSITIONS_RAW, key, Canonical.json(key, t, 51.123456, -1.5, 10000.4, "1000", "http"));
            Event named = CompletableFuture.supplyAsync(() -> read(reader, seen, e -> {
                map.apply(JSON.readTree(e.data()));
                return map.byKey().containsKey(key);
            })).get(30, TimeUnit.SECONDS);
            assertThat(named.name()).isEqualTo("delta");
            assertThat(map.byKey().get(key)).containsEntry("lat", 51.12346).containsEntry("lon", -1.5).containsEntry("altitude", 10000.0)
                    .containsEntry("track", 90.0).containsEntry("speed", 800.0).containsEntry("squawk", "1000").containsEntry("source", "http")
                    .containsEntry("callsign", "TST" + key.substring(key.length() - 4)).containsEntry("onGround", false);

            TestKafka.send(Topics.POSITIONS_RAW, key, Canonical.json(key, t + 1000, 51.2, -1.4, 10000.4, "1000", "http"));
            Event moved = CompletableFuture.supplyAsync(() -> read(reader, seen, e -> {
                map.apply(JSON.readTree(e.data()));
                return Double.valueOf(51.2).equals(map.byKey().get(key).get("lat"));
            })).get(30, TimeUnit.SECONDS);
            assertThat(moved.data()).as("its texts are not sent again").doesNotContain(key);
            assertThat(map.byKey().get(key)).containsEntry("lon", -1.4).containsEntry("callsign", "TST" + key.substring(key.length() - 4));
        }
        assertThat(Http.get(url("/api/v1/live/stream?format=xml")).statusCode()).isEqualTo(400);
    }

    private static Event read(BufferedReader reader, List<Event> seen, Predicate<Event> wanted) {
        try {
            return readUntil(reader, seen, e -> !e.name().equals("alert") && wanted.test(e));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_live_query_filters_and_rejects_a_bad_bounding_box() {
        String key = TestKafka.uniqueKey("LQ");
        TestKafka.send(Topics.POSITIONS_RAW, key, Canonical.json(key, System.currentTimeMillis(), -33.9, 151.2, 500, "1000", "http"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Http.get(url("/api/v1/live?bbox=150,-35,152,-33&maxAlt=1000&source=http&limit=100000")).body())
                        .contains("\"key\":\"" + key + "\""));
        assertThat(Http.get(url("/api/v1/live?bbox=0,0,1,1&limit=100000")).body()).doesNotContain(key);
        assertThat(Http.get(url("/api/v1/live?minAlt=600&limit=100000")).body()).doesNotContain(key);
        HttpResponse<String> bad = Http.get(url("/api/v1/live?bbox=1,2,3"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"bbox\"");
        assertThat(Http.get(url("/api/v1/live?limit=0")).body()).contains("\"field\":\"limit\"");
    }

    @Test
    void stats_report_rates_live_aircraft_lag_and_history() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Http.get(url("/api/v1/stats")).body()).contains("\"history\":[{\"time\":"));
        String body = Http.get(url("/api/v1/stats")).body();
        assertThat(body).contains("\"messagesInPerSecond\":").contains("\"dlqPerSecond\":").contains("\"liveAircraft\":")
                .contains("\"consumerLag\":").contains("\"storeWritesPerSecond\":").contains("\"messagesIn\":")
                .contains("\"storeWrites\":").contains("\"lag\":");
    }
}
