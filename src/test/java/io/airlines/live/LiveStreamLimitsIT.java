package io.airlines.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Clients that open the live stream and never read it must not cost anybody else the map or the API. */
class LiveStreamLimitsIT extends IntegrationTest {

    private static final int IDLE = 400;

    @Test
    void four_hundred_idle_streams_leave_the_api_answering_and_a_new_stream_updated() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < IDLE; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/v1/live/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                idle.add(socket);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Http.get(url("/actuator/prometheus")).body()).containsPattern("airlines_live_streams ([4-9]\\d\\d|\\d{4,})\\.0"));

            long started = System.nanoTime();
            HttpResponse<String> live = Http.get(url("/api/v1/live?limit=10"));
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

            HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url("/api/v1/live/stream"))).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                List<LiveStreamIT.Event> seen = new ArrayList<>();
                LiveStreamIT.Event delta = CompletableFuture.supplyAsync(() -> {
                    try {
                        return LiveStreamIT.readUntil(reader, seen, e -> e.name().equals("delta"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).get(10, TimeUnit.SECONDS);
                assertThat(seen.get(0).name()).isEqualTo("snapshot");
                assertThat(delta.data()).startsWith("{\"time\":");
            }
        } finally {
            for (Socket socket : idle) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test's own client socket
        }
    }
}
