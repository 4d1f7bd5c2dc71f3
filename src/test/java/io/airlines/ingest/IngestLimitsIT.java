package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.airlines.stream.Canonical;
import io.airlines.stream.TestKafka;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Position batches are read a few at a time: clients that send slowly cannot take every thread and heap. */
class IngestLimitsIT extends IntegrationTest {

    @Test
    void beyond_four_batches_at_once_a_batch_gets_429_and_the_held_ones_still_complete() throws Exception {
        String key = TestKafka.uniqueKey("IL");
        byte[] line = (Canonical.json(key, System.currentTimeMillis(), 45.0, 5.0, 9000, "1000", "http") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/positions HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/x-ndjson"
                        + "\r\nContent-Length: " + (line.length * 2) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(line);
                out.flush();
                slow.add(socket);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> refused = Http.post(url("/api/v1/positions"), "application/x-ndjson", new String(line, StandardCharsets.UTF_8));
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.body()).contains("\"status\":429");
            });
            for (Socket socket : slow) {
                socket.getOutputStream().write(line);
                socket.getOutputStream().flush();
                String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
                assertThat(answer).isEqualTo("HTTP/1.1 202");
            }
            assertThat(Http.post(url("/api/v1/positions"), "application/x-ndjson", new String(line, StandardCharsets.UTF_8))
                    .statusCode()).isEqualTo(202);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
