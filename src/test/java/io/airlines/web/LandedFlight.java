package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.airlines.flight.Flights;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.TestKafka;
import io.airlines.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A flight from Frankfurt to Munich that landed about fifteen minutes ago, sent through the HTTP
 * ingest and cut into a leg by the running pipeline: returned once its leg and its positions are stored.
 */
record LandedFlight(String key, String callsign, String day, String legId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PIPELINE = Duration.ofSeconds(60);

    static LandedFlight land(UnaryOperator<String> url) {
        String key = TestKafka.uniqueKey("");
        String callsign = "TST" + key.substring(2).toUpperCase(Locale.ROOT);
        long start = System.currentTimeMillis() - 40 * 60_000;
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC).toString();
        PositionCodec codec = PositionCodec.standalone();
        String body = new Flights(key, callsign, null, start, Flights.FRA, "http").taxi(3).flyTo(Flights.MUC).taxi(2)
                .positions().stream().map(p -> new String(codec.encode(p), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
        HttpResponse<String> sent = Http.post(url.apply("/api/v1/positions"), "application/x-ndjson", body);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(sent.body()).as("every position accepted").contains("\"rejected\":0");
        String legId = await().atMost(PIPELINE).until(() -> {
            JsonNode legs = json(url, "/api/v1/history/flights?date=" + day + "&q=" + callsign);
            return legs.size() == 1 && legs.get(0).path("status").asString().matches("landed|arrived")
                    ? legs.get(0).path("id").asString() : null;
        }, id -> id != null);
        // The aircraft's stored positions (not the leg's track, which the page is to show).
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(json(url, "/api/v1/flights/" + key + "/track?from="
                + Instant.ofEpochMilli(start - 1000)).path("points").size()).isGreaterThan(10));
        return new LandedFlight(key, callsign, day, legId);
    }

    static JsonNode json(UnaryOperator<String> url, String path) {
        return JSON.readTree(Http.get(url.apply(path)).body());
    }
}
