package io.airlines.web;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.airlines.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A simulator aircraft in flight with an ETA, so its detail panel shows a phase and an arrival time. */
final class FlyingAircraft {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FlyingAircraft() {
    }

    static String key(UnaryOperator<String> url) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> find(url), Optional::isPresent).orElseThrow();
    }

    private static Optional<String> find(UnaryOperator<String> url) {
        for (JsonNode a : JSON.readTree(Http.get(url.apply("/api/v1/live?limit=1000")).body()).path("aircraft")) {
            String key = a.path("key").asString();
            JsonNode state = JSON.readTree(Http.get(url.apply("/api/v1/flights/" + key)).body());
            String phase = state.path("phase").asString("ground");
            if (!state.path("eta").isMissingNode() && !state.path("eta").isNull() && !"ground".equals(phase)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
