package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.airlines.stream.TestKafka;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receiver sources against small real servers on 127.0.0.1 with the real formats and quirks,
 * feeding the application's real pipeline. The sources are started here with the fakes' addresses
 * (the shared test context configures none).
 */
class ReceiverSourcesIT extends IntegrationTest {

    @Autowired
    RawPositions raw;
    @Autowired
    JsonMapper json;

    static String sbs(int type, String hex, String callsign, String alt, String lat, String lon, String squawk) {
        return String.join(",", "MSG", String.valueOf(type), "1", "1", hex, "1", "2026/11/26", "13:00:00.000",
                "2026/11/26", "13:00:00.000", callsign, alt, type == 4 ? "450" : "", type == 4 ? "90.0" : "", lat, lon,
                type == 4 ? "0" : "", squawk, "0", "0", "0", "0");
    }

    @Test
    void an_sbs1_feed_is_merged_per_aircraft_skips_malformed_lines_and_survives_a_dropped_connection() throws Exception {
        String hex = TestKafka.uniqueKey("").substring(0, 6);
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket feed = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try {
                    // First connection: identification, garbage, a position, then the receiver drops us.
                    try (Socket s = feed.accept(); PrintWriter w = writer(s)) {
                        accepted.incrementAndGet();
                        w.print(sbs(1, hex, "TST" + hex.substring(0, 3), "", "", "", "") + "\r\n");
                        w.print("this is not SBS\r\n");
                        w.print("MSG,3,1,1,not-a-hex\r\n");
                        w.print(sbs(4, hex, "", "", "", "", "") + "\r\n");
                        w.print(sbs(3, hex, "", "30000", "48.5", "9.1", "") + "\r\n");
                        w.flush();
                    }
                    // Second connection after the client's backoff: an emergency squawk and a new position.
                    try (Socket s = feed.accept(); PrintWriter w = writer(s)) {
                        accepted.incrementAndGet();
                        w.print(sbs(6, hex, "", "", "", "", "7700") + "\r\n");
                        w.print(sbs(3, hex, "", "30000", "48.5002", "9.1", "") + "\r\n");
                        w.flush();
                        Thread.sleep(5000);
                    }
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            server.setDaemon(true);
            server.start();
            try (SbsClient client = new SbsClient("127.0.0.1", feed.getLocalPort(), raw::publish).start()) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    String body = Http.get(url("/api/v1/flights/" + hex)).body();
                    assertThat(body).contains("\"source\":\"sbs\"").contains("\"callsign\":\"TST" + hex.substring(0, 3) + "\"")
                            .contains("\"lat\":48.5002").contains("\"squawk\":\"7700\"").contains("\"altitude\":9144.0");
                });
                assertThat(client.malformed()).isEqualTo(2);
                assertThat(client.connections()).isEqualTo(2);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(Http.get(url("/api/v1/events?type=emergency&key=" + hex)).body()).contains("\"key\":\"" + hex + "\""));
            }
        }
    }

    @Test
    void the_opensky_poller_uses_client_credentials_honours_429_and_reads_states_with_nulls() throws Exception {
        String icao = TestKafka.uniqueKey("").substring(0, 6);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger tokens = new AtomicInteger();
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/token", ex -> {
            String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tokens.incrementAndGet();
            if (form.contains("client_id=airlines-test") && form.contains("client_secret=s3cret")) {
                respond(ex, 200, "{\"access_token\":\"tok-1\",\"expires_in\":1800,\"token_type\":\"Bearer\"}", null);
            } else {
                respond(ex, 401, "{\"error\":\"invalid_client\"}", null);
            }
        });
        fake.createContext("/api/states/all", ex -> {
            if (!"Bearer tok-1".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                respond(ex, 401, "", null);
            } else if (calls.incrementAndGet() == 1) {
                respond(ex, 429, "Too many requests", "1");
            } else {
                long now = System.currentTimeMillis() / 1000;
                respond(ex, 200, """
                        {"time": %d, "states": [
                          ["%s", "OSK%s  ", "Germany", %d, %d, 8.6, 50.1, 10668.0, false, 236.1, 285.5, 0.0, null, 10700.0, null, false, 0],
                          ["%s", null, "Nowhere", null, %d, null, null, null, false, null, null, null, null, null, null, false, 0]
                        ]}""".formatted(now, icao, icao.substring(0, 3), now - 1, now, icao.replace(icao.charAt(0), 'f'), now), null);
            }
        });
        fake.start();
        try {
            String base = "http://127.0.0.1:" + fake.getAddress().getPort();
            OpenSkySettings settings = new OpenSkySettings(true, base, "45,5,55,15", Duration.ofMillis(200), "airlines-test",
                    "s3cret", base + "/token");
            try (OpenSkyPoller poller = new OpenSkyPoller(settings, json, raw::publish).start()) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(Http.get(url("/api/v1/flights/" + icao)).body())
                                .contains("\"source\":\"opensky\"").contains("\"callsign\":\"OSK" + icao.substring(0, 3) + "\""));
                assertThat(poller.rateLimited()).isEqualTo(1);
                assertThat(tokens.get()).isEqualTo(1);
                assertThat(poller.statesUrl()).endsWith("/api/states/all?lamin=45&lomin=5&lamax=55&lomax=15");
                assertThat(settings.toString()).doesNotContain("s3cret");
            }
        } finally {
            fake.stop(0);
        }
    }

    private static PrintWriter writer(Socket s) throws IOException {
        return new PrintWriter(s.getOutputStream(), false, StandardCharsets.US_ASCII);
    }

    private static void respond(HttpExchange ex, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (retryAfter != null) {
            ex.getResponseHeaders().add("X-Rate-Limit-Retry-After-Seconds", retryAfter);
        }
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }
}
