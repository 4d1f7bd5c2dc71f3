package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.airlines.reference.ReferenceKind;
import io.airlines.support.FakeLufthansa;
import io.airlines.support.Http;
import org.junit.jupiter.api.Test;

/** The jobs started over HTTP against the fake Lufthansa API. */
class EtlApiIT extends EtlIntegrationTest {


    @Test
    void lufthansa_schedules_take_precedence_over_the_demo_timetable_and_a_rerun_changes_no_count() {
        String[] pair = pairWithSchedule();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        String search = "/api/v1/flights/search?from=" + pair[0] + "&to=" + pair[1] + "&date=" + tomorrow;
        assertThat(etl.outbound(search)).extracting(j -> j.get("source")).containsOnly("demo");

        Map<String, Object> first = runSchedules(pair, tomorrow);
        assertThat(first.get("status")).isEqualTo("succeeded");
        assertThat(((Number) first.get("inserted")).longValue()).isPositive();
        List<Map<String, Object>> journeys = etl.outbound(search);
        assertThat(journeys).isNotEmpty().extracting(j -> j.get("source")).containsOnly("lufthansa");
        assertThat(journeys).anySatisfy(j -> assertThat((List<?>) j.get("legs")).isNotEmpty());

        Map<String, Object> second = runSchedules(pair, tomorrow);
        assertThat(second.get("inserted")).isEqualTo(0);
        assertThat(second.get("updated")).isEqualTo(0);
        assertThat(etl.outbound(search)).hasSameSizeAs(journeys);
    }

    @Test
    void the_reference_job_at_its_original_path_loads_the_lufthansa_lists() {
        Map<String, Object> run = etl.awaitEnd((String) etl.accepted("/references").get("id"));
        assertThat(run.get("status")).as(run.toString()).isEqualTo("succeeded");
        Map<?, ?> airline = json.readValue(Http.get(url("/api/v1/airlines/" + FakeLufthansa.API.items(
                ReferenceKind.AIRLINES).get(0).getString("airline_id"))).body(), Map.class);
        assertThat(airline.get("source")).isEqualTo("lufthansa");
    }

    Map<String, Object> runSchedules(String[] pair, String date) {
        return etl.awaitEnd((String) etl.accepted("/api/v1/etl/schedules?from=" + pair[0] + "&to=" + pair[1]
                + "&date=" + date).get("id"));
    }

    static String[] pairWithSchedule() {
        return EtlRuns.pairsWithSchedule(List.of("VIE", "CPH", "DOH", "KUL", "CAI", "BOM"), 1).get(0);
    }
}
