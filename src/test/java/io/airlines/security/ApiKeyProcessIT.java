package io.airlines.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.airlines.bench.ServerProcess;
import io.airlines.stream.Canonical;
import io.airlines.support.Http;
import io.airlines.web.ApiKeyFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key rules, proven on real servers started with the settings that differ from the suite's. */
class ApiKeyProcessIT {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    void a_server_listening_beyond_loopback_without_a_key_refuses_to_start_and_names_the_setting() {
        try (ServerProcess app = server("no-key", Map.of("AIRLINES_BIND", "0.0.0.0"))) {
            int exit = app.awaitExit(START);
            assertThat(exit).isNotZero();
            assertThat(app.output()).contains("AIRLINES_API_KEY").contains("cannot start");
            assertThat(app.output()).doesNotContain("\tat io.airlines");
        }
    }

    @Test
    void with_a_key_every_write_needs_it_reads_do_not_and_the_key_is_never_printed() {
        String key = "k-" + UUID.randomUUID();
        try (ServerProcess app = server("with-key", Map.of("AIRLINES_BIND", "0.0.0.0", "AIRLINES_API_KEY", key))) {
            app.awaitHealthy(START);
            String write = app.url("/api/v1/positions");

            HttpResponse<String> none = post(write, null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(none.body()).contains("\"field\":\"X-API-Key\"").doesNotContain(key);

            assertThat(post(write, "wrong").statusCode()).isEqualTo(401);
            assertThat(post(write, key.substring(0, key.length() - 1)).statusCode()).isEqualTo(401);
            assertThat(post(write, key + "x").statusCode()).isEqualTo(401);
            assertThat(post(write, key.toUpperCase()).statusCode()).isEqualTo(401);
            assertThat(send(app.url("/"), "DELETE", null).statusCode()).isEqualTo(401);
            assertThat(send(app.url("/"), "PUT", null).statusCode()).isEqualTo(401);

            HttpResponse<String> keyed = post(write, key);
            assertThat(keyed.statusCode()).isNotEqualTo(401).isLessThan(500);
            anAircraftIsErasedOnRequestAndStaysBlocked(app, key);
            assertThat(Http.get(app.url("/")).statusCode()).isEqualTo(200);
            assertThat(Http.get(app.url("/actuator/health")).body()).doesNotContain(key);
            HttpResponse<String> relayed = health(app, null);
            assertThat(relayed.body()).contains("\"status\":\"UP\"").doesNotContain("components", "kafka", "mongo");
            assertThat(health(app, key).body()).contains("\"components\"").contains("\"kafka\"").doesNotContain(key);
            assertThat(Http.get(app.url("/actuator/env")).statusCode()).isEqualTo(404);

            app.stop(Duration.ofSeconds(30));
            assertThat(app.output()).contains("Airlines is running").doesNotContain(key)
                    .contains("without TLS").contains("SERVER_SSL_KEY_STORE");
        }
    }

    private ServerProcess server(String name, Map<String, String> env) {
        ServerProcess.Builder builder = ServerProcess.builder(temp.resolve("data"))
                .log(Path.of("target", "server-logs", "api-key-" + name + ".log").toAbsolutePath());
        env.forEach(builder::env);
        return builder.start();
    }

    /** The right to erasure: stored data goes, the aircraft is shown no more, and what it sends later is dropped. */
    private static void anAircraftIsErasedOnRequestAndStaysBlocked(ServerProcess app, String key) {
        String hex = "e7a5e1";
        String track = app.url("/api/v1/flights/" + hex + "/track");
        long t = System.currentTimeMillis();
        assertThat(ndjson(app, key, Canonical.json(hex, t - 2000, 45.0, 5.0, 9000, "1000", "http") + "\n"
                + Canonical.json(hex, t - 1000, 45.01, 5.0, 9200, "1000", "http")).statusCode()).isEqualTo(202);
        // Both stored before the erasure: a point still on its way to the store is written after it.
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(track).body().contains("\"lat\":45.01,"));

        String erase = app.url("/api/v1/aircraft-data/" + hex.toUpperCase());
        assertThat(send(erase, "DELETE", null).statusCode()).isEqualTo(401);
        HttpResponse<String> erased = send(erase, "DELETE", key);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(erased.body()).contains("\"aircraft\":\"" + hex + "\"").containsPattern("\"positions\":[1-9]")
                .contains("\"flight_state\":1").contains("\"blocked\":true");
        assertThat(Http.get(track).body()).contains("\"points\":[]");
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(app.url("/api/v1/flights/" + hex)).statusCode() == 404);

        String control = "c0471a";
        assertThat(ndjson(app, key, Canonical.json(hex, t, 45.02, 5.0, 9400, "1000", "http") + "\n"
                + Canonical.json(control, t, 46.0, 6.0, 9000, "1000", "http")).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Http.get(app.url("/api/v1/flights/" + control + "/track")).body().contains("\"points\":[{"));
        assertThat(Http.get(track).body()).as("sent after the erasure").contains("\"points\":[]");
        assertThat(app.output()).contains("Aircraft erased on request").doesNotContain(hex);
    }

    private static HttpResponse<String> ndjson(ServerProcess app, String key, String lines) {
        return Http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/positions")))
                .header("Content-Type", "application/x-ndjson").header(ApiKeyFilter.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(lines + "\n")));
    }

    /** As a caller elsewhere sees it: relayed by a proxy, so not local, with or without the key. */
    private static HttpResponse<String> health(ServerProcess app, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/actuator/health")))
                .header("X-Forwarded-For", "203.0.113.9");
        if (key != null) {
            request.header(ApiKeyFilter.HEADER, key);
        }
        return Http.send(request);
    }

    private static HttpResponse<String> post(String url, String key) {
        return send(url, "POST", key);
    }

    private static HttpResponse<String> send(String url, String method, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-ndjson")
                .method(method, HttpRequest.BodyPublishers.ofString("{}\n"));
        if (key != null) {
            request.header(ApiKeyFilter.HEADER, key);
        }
        return Http.send(request);
    }
}
