package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.airlines.stream.Canonical;
import io.airlines.stream.TestKafka;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class PositionsApiIT extends IntegrationTest {

    @Test
    void an_ndjson_batch_is_accepted_line_by_line_with_the_errors_named() {
        String a = TestKafka.uniqueKey("PA");
        String b = TestKafka.uniqueKey("PB");
        long now = System.currentTimeMillis();
        String body = Canonical.json(a, now, 45.0, 5.0, 9000, "1000", "http") + "\n"
                + "{\"key\":\"" + b + "\",\"lat\":95,\"lon\":5,\"time\":" + now + "}\n"
                + "\n"
                + "not json\n"
                + Canonical.json(b, now, 45.5, 5.5, 9000, "1000", "http") + "\n";
        HttpResponse<String> r = Http.post(url("/api/v1/positions"), "application/x-ndjson", body);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).contains("\"accepted\":2").contains("\"rejected\":2")
                .contains("{\"line\":2,\"error\":\"field 'lat' must be in [-90, 90]\"}")
                .contains("{\"line\":4,\"error\":\"not a JSON object\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Http.get(url("/api/v1/flights/" + a)).statusCode()).isEqualTo(200);
            assertThat(Http.get(url("/api/v1/flights/" + b)).body()).contains("\"source\":\"http\"");
        });
    }

    @Test
    void one_bad_json_position_is_a_400_problem_naming_the_field() {
        HttpResponse<String> r = Http.post(url("/api/v1/positions"), "application/json",
                "{\"key\":\"X1\",\"lat\":10,\"lon\":200,\"time\":" + System.currentTimeMillis() + "}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(r.body()).contains("\"field\":\"lon\"");
    }
}
