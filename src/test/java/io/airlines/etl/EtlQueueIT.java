package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.support.FakeLufthansa;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.env.Environment;

/**
 * Jobs requested while another runs wait in the queue and run after it, in order. The fake
 * Lufthansa API is held to keep a job running for as long as a test needs.
 */
class EtlQueueIT extends EtlIntegrationTest {

    @Autowired
    OfflineDataLoader offline;
    @Autowired
    MongoDatabase database;
    @Autowired
    Environment environment;

    @Test
    void a_request_during_the_first_start_load_waits_behind_it_and_then_runs() {
        // Today's demo timetable is generated again, as on a first start.
        database.getCollection(OfflineDataLoader.COLLECTION).deleteOne(Filters.eq("_id", "demo:" + LocalDate.now()));
        FakeLufthansa.API.hold();
        String first = etl.running("/references");
        offline.run(new DefaultApplicationArguments());
        Map<String, Object> demo = etl.all().get(0);
        assertThat(demo).containsEntry("job", "demo-timetable").containsEntry("status", "queued");

        Map<String, Object> accepted = etl.accepted("/references");
        String id = (String) accepted.get("id");
        assertThat(accepted).containsEntry("status", "queued");
        assertThat(etl.run(id)).containsEntry("status", "queued").containsEntry("job", "references");

        FakeLufthansa.API.release();
        Map<String, Object> references = etl.awaitEnd(id);
        assertThat(references.get("status")).as(references.toString()).isEqualTo("succeeded");
        Map<String, Object> load = etl.run((String) demo.get("id"));
        assertThat(load.get("status")).isEqualTo("succeeded");
        assertThat(((Number) load.get("pages")).longValue()).as("days generated").isPositive();
        assertThat(etl.run(first).get("finished_at")).asString().isLessThanOrEqualTo((String) load.get("started_at"));
        assertThat((String) load.get("finished_at")).isLessThanOrEqualTo((String) references.get("started_at"));
    }

    @Test
    void schedules_for_two_pairs_sent_back_to_back_both_run_in_order_and_are_stored() {
        List<String[]> pairs = pairsWithSchedule(2);
        String date = LocalDate.now().plusDays(6).toString();
        FakeLufthansa.API.hold();
        String first = etl.running(originalSchedule(pairs.get(0), date));
        String second = (String) etl.accepted(originalSchedule(pairs.get(1), date)).get("id");
        assertThat(etl.run(second)).containsEntry("status", "queued");

        FakeLufthansa.API.release();
        Map<String, Object> one = etl.awaitEnd(first);
        Map<String, Object> two = etl.awaitEnd(second);
        assertThat(one.get("status")).as(one.toString()).isEqualTo("succeeded");
        assertThat(two.get("status")).as(two.toString()).isEqualTo("succeeded");
        assertThat((String) one.get("finished_at")).isLessThanOrEqualTo((String) two.get("started_at"));
        for (String[] pair : pairs) {
            assertThat(etl.outbound("/api/v1/flights/search?from=" + pair[0] + "&to=" + pair[1] + "&date=" + date))
                    .as(String.join("-", pair)).isNotEmpty().extracting(j -> j.get("source")).containsOnly("lufthansa");
        }
    }

    @Test
    void identical_requests_while_one_waits_become_one_run() {
        FakeLufthansa.API.hold();
        String running = etl.running("/references");
        String queued = (String) etl.accepted("/references").get("id");
        String again = (String) etl.accepted("/api/v1/etl/references").get("id");
        assertThat(queued).isNotEqualTo(running);
        assertThat(again).isEqualTo(queued);
        assertThat(etl.all()).filteredOn(r -> "references".equals(r.get("job")) && "queued".equals(r.get("status")))
                .extracting(r -> r.get("id")).containsExactly(queued);

        FakeLufthansa.API.release();
        assertThat(etl.awaitEnd(queued).get("status")).isEqualTo("succeeded");
        String since = (String) etl.run(running).get("queued_at");
        assertThat(etl.all()).filteredOn(r -> "references".equals(r.get("job"))
                && ((String) r.get("queued_at")).compareTo(since) >= 0).hasSize(2);
    }

    @Test
    void a_full_queue_answers_429_problem_json_and_every_accepted_run_still_runs() {
        int size = environment.getProperty("airlines.etl.queue-size", Integer.class, 16);
        String[] pair = pairsWithSchedule(1).get(0);
        FakeLufthansa.API.hold();
        List<String> accepted = new ArrayList<>(List.of(etl.running("/references")));
        for (int i = 0; i < size; i++) {
            accepted.add((String) etl.accepted(schedules(pair, LocalDate.now().plusDays(10 + i))).get("id"));
        }
        HttpResponse<String> refused = etl.post(schedules(pair, LocalDate.now().plusDays(10 + size)));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        Map<?, ?> problem = json.readValue(refused.body(), Map.class);
        assertThat(problem.get("status")).isEqualTo(429);
        assertThat((String) problem.get("detail")).contains("queue is full");
        assertThat(accepted).doesNotHaveDuplicates().hasSize(size + 1);

        FakeLufthansa.API.release();
        for (String id : accepted) {
            assertThat(etl.awaitEnd(id).get("status")).as(id).isEqualTo("succeeded");
        }
    }

    @Test
    void a_queued_job_that_fails_ends_failed_with_its_reason() {
        FakeLufthansa.API.startOutage();
        String running = etl.running("/references");
        String queued = (String) etl.accepted(originalSchedule(pairsWithSchedule(1).get(0),
                LocalDate.now().plusDays(7).toString())).get("id");
        assertThat(etl.run(queued)).containsEntry("status", "queued");

        Map<String, Object> first = etl.awaitEnd(running);
        Map<String, Object> failed = etl.awaitEnd(queued);
        assertThat(first.get("status")).isEqualTo("failed");
        assertThat(failed.get("status")).isEqualTo("failed");
        assertThat((String) failed.get("message")).contains("503").doesNotContain(FakeLufthansa.SECRET);
        assertThat((String) failed.get("finished_at")).isNotBlank();
    }

    static String originalSchedule(String[] pair, String date) {
        return "/schedule?origin=" + pair[0] + "&destination=" + pair[1] + "&date=" + date;
    }

    static String schedules(String[] pair, LocalDate date) {
        return "/api/v1/etl/schedules?from=" + pair[0] + "&to=" + pair[1] + "&date=" + date;
    }

    /** Pairs of the fake that have flights, other than the ones the other ETL tests load. */
    static List<String[]> pairsWithSchedule(int n) {
        return EtlRuns.pairsWithSchedule(List.of("MUC", "ZRH", "MAD", "LIS", "ARN", "OSL"), n);
    }
}
