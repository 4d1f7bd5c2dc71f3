package io.airlines.aircraft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.airlines.stream.Canonical;
import io.airlines.stream.TestKafka;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Identity over HTTP, with the OpenSky-layout sample as the aircraft database (support/TestStack). */
class AircraftIdentityApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode get(String path) {
        HttpResponse<String> r = Http.get(url(path));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void a_transponder_known_to_the_database_is_described_with_the_source_of_each_part() {
        JsonNode qatari = get("/api/v1/transponders/06A0A1");
        assertThat(qatari.path("address").asString()).isEqualTo("06A0A1");
        assertThat(qatari.path("country").path("iso").asString()).isEqualTo("QA");
        assertThat(qatari.path("country").path("name").asString()).isEqualTo("Qatar");
        assertThat(qatari.path("country").path("source").asString()).isEqualTo("address");
        assertThat(qatari.path("registration").path("value").asString()).isEqualTo("A7-BEA");
        assertThat(qatari.path("registration").path("source").asString()).isEqualTo("database");
        assertThat(qatari.path("aircraftType").path("value").asString()).isEqualTo("B77W");
        assertThat(qatari.path("model").path("value").asString()).isEqualTo("Boeing 777-3DZER");
        assertThat(qatari.path("operator").path("value").asString()).isEqualTo("Qatar Airways");
    }

    @Test
    void a_transponder_unknown_to_the_database_has_what_the_address_rules_give() {
        JsonNode american = get("/api/v1/transponders/aab1cf");
        assertThat(american.path("registration").path("value").asString()).isEqualTo("N78888");
        assertThat(american.path("registration").path("source").asString()).isEqualTo("algorithm");
        assertThat(american.path("country").path("iso").asString()).isEqualTo("US");
        assertThat(american.path("aircraftType").isNull()).isTrue();
    }

    @Test
    void a_key_that_is_not_an_address_is_a_400_naming_the_field() {
        HttpResponse<String> r = Http.get(url("/api/v1/transponders/LH400"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"hex\"");
    }

    @Test
    void the_flight_state_carries_registration_type_and_country() {
        String flightId = TestKafka.uniqueKey("FLT");
        long now = System.currentTimeMillis();
        String body = Canonical.json("06a0a1", now, 25.2, 51.6, 9000, "1000", "http") + "\n"
                + Canonical.json("aab1cf", now, 40.6, -73.8, 3000, "1000", "http") + "\n"
                + Canonical.json(flightId, now, 45.0, 5.0, 9000, "1000", "http") + "\n";
        assertThat(Http.post(url("/api/v1/positions"), "application/x-ndjson", body).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode fromDatabase = get("/api/v1/flights/06a0a1");
            assertThat(fromDatabase.path("registration").asString()).isEqualTo("A7-BEA");
            assertThat(fromDatabase.path("aircraftType").asString()).isEqualTo("B77W");
            assertThat(fromDatabase.path("country").asString()).isEqualTo("QA");
            JsonNode fromRule = get("/api/v1/flights/aab1cf");
            assertThat(fromRule.path("registration").asString()).isEqualTo("N78888");
            assertThat(fromRule.path("country").asString()).isEqualTo("US");
            JsonNode byFlightId = get("/api/v1/flights/" + flightId);
            assertThat(byFlightId.path("registration").isNull()).isTrue();
            assertThat(byFlightId.path("country").isNull()).isTrue();
        });
    }
}
