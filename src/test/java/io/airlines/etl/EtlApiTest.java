package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.airlines.lufthansa.fake.FakeLufthansaApi;
import io.airlines.support.FakeLufthansa;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The jobs started over HTTP against the fake Lufthansa API. */
class EtlApiTest extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @BeforeEach
    void idle() {
        EtlIdle.waitFor(this::url);
    }

    @Test
    void lufthansa_schedules_take_precedence_over_the_demo_timetable_and_a_rerun_changes_no_count() {
        String[] pair = pairWithSchedule();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        String search = "/api/v1/flights/search?from=" + pair[0] + "&to=" + pair[1] + "&date=" + tomorrow;
        assertThat(outbound(search)).extracting(j -> j.get("source")).containsOnly("demo");

        Map<String, Object> first = runSchedules(pair, tomorrow);
        assertThat(first.get("status")).isEqualTo("succeeded");
        assertThat(((Number) first.get("inserted")).longValue()).isPositive();
        List<Map<String, Object>> journeys = outbound(search);
        assertThat(journeys).isNotEmpty().extracting(j -> j.get("source")).containsOnly("lufthansa");
        assertThat(journeys).anySatisfy(j -> assertThat((List<?>) j.get("legs")).isNotEmpty());

        Map<String, Object> second = runSchedules(pair, tomorrow);
        assertThat(second.get("inserted")).isEqualTo(0);
        assertThat(second.get("updated")).isEqualTo(0);
        assertThat(outbound(search)).hasSameSizeAs(journeys);
    }

    @Test
    void a_second_start_while_a_job_runs_is_refused() {
        HttpResponse<String> started = Http.post(url("/references"), "application/json", "");
        assertThat(started.statusCode()).isEqualTo(202);
        HttpResponse<String> refused = Http.post(url("/api/v1/etl/references"), "application/json", "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).doesNotContain(FakeLufthansa.SECRET);
        await().atMost(Duration.ofMinutes(2)).until(() -> latest("references").map(r -> !"running".equals(r.get("status"))).orElse(false));
        assertThat(latest("references").orElseThrow().get("status")).isEqualTo("succeeded");
        Map<?, ?> airline = json.readValue(Http.get(url("/api/v1/airlines/" + FakeLufthansa.API.items(
                io.airlines.reference.ReferenceKind.AIRLINES).get(0).getString("airline_id"))).body(), Map.class);
        assertThat(airline.get("source")).isEqualTo("lufthansa");
    }

    Map<String, Object> runSchedules(String[] pair, String date) {
        int before = runs().size();
        HttpResponse<String> response = Http.post(url("/api/v1/etl/schedules?from=" + pair[0] + "&to=" + pair[1]
                + "&date=" + date), "application/json", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).until(() -> runs().size() > before
                && !"running".equals(runs().get(0).get("status")));
        return runs().get(0);
    }

    java.util.Optional<Map<String, Object>> latest(String job) {
        return runs().stream().filter(r -> job.equals(r.get("job"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> runs() {
        return (List<Map<String, Object>>) json.readValue(Http.get(url("/api/v1/etl/runs")).body(), List.class);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> outbound(String path) {
        return (List<Map<String, Object>>) json.readValue(Http.get(url(path)).body(), Map.class).get("outbound");
    }

    static String[] pairWithSchedule() {
        List<String> hubs = List.of("VIE", "CPH", "DOH", "KUL", "CAI", "BOM");
        for (String a : hubs) {
            for (String b : hubs) {
                if (!a.equals(b) && FakeLufthansaApi.hasSchedule(a, b)) {
                    return new String[] {a, b};
                }
            }
        }
        throw new IllegalStateException("no pair");
    }
}
