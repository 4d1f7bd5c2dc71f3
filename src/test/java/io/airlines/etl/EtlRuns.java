package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.airlines.lufthansa.fake.FakeLufthansaApi;
import io.airlines.support.Http;
import tools.jackson.databind.json.JsonMapper;

/** The ETL endpoints as a client sees them: queue a job, read runs, wait for one to end. */
final class EtlRuns {

    private static final Set<String> ENDED = Set.of("succeeded", "failed");

    private final Function<String, String> url;
    private final JsonMapper json = JsonMapper.builder().build();

    EtlRuns(Function<String, String> url) {
        this.url = url;
    }

    HttpResponse<String> post(String path) {
        return Http.post(url.apply(path), "application/json", "");
    }

    /** Queues a job and returns the 202 body (id, job, status). */
    @SuppressWarnings("unchecked")
    Map<String, Object> accepted(String path) {
        HttpResponse<String> response = post(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Map<String, Object> body = json.readValue(response.body(), Map.class);
        assertThat(body.get("id")).as(response.body()).isInstanceOf(String.class);
        return body;
    }

    /** Queues a job and waits until it runs (so that the next identical request is not merged into it). */
    String running(String path) {
        String id = (String) accepted(path).get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(run(id).get("status")));
        return id;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> run(String id) {
        return json.readValue(Http.get(url.apply("/api/v1/etl/runs/" + id)).body(), Map.class);
    }

    Map<String, Object> awaitEnd(String id) {
        await().atMost(Duration.ofMinutes(2)).until(() -> ENDED.contains(run(id).get("status")));
        return run(id);
    }

    /** The outbound journeys a flight search finds. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> outbound(String path) {
        return (List<Map<String, Object>>) json.readValue(Http.get(url.apply(path)).body(), Map.class).get("outbound");
    }

    /** The first n ordered pairs of these airports that the fake has flights for. */
    static List<String[]> pairsWithSchedule(List<String> airports, int n) {
        List<String[]> pairs = new ArrayList<>();
        for (String a : airports) {
            for (String b : airports) {
                if (!a.equals(b) && FakeLufthansaApi.hasSchedule(a, b) && pairs.size() < n) {
                    pairs.add(new String[] {a, b});
                }
            }
        }
        return pairs;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> all() {
        return (List<Map<String, Object>>) json.readValue(Http.get(url.apply("/api/v1/etl/runs?limit=1000")).body(),
                List.class);
    }
}
