package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.airlines.bench.ScratchStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every accepted run ends succeeded or failed, even when the process stops or is killed; no Spring. */
class EtlQueueLifecycleTest {

    ScratchStore store;
    EtlRunStore runs;

    @BeforeEach
    void start() throws Exception {
        store = ScratchStore.inMemory();
        runs = new EtlRunStore(store.database("etl_queue"));
        runs.createIndexes();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    EtlQueue queue() {
        return new EtlQueue(new JobRunner(runs), runs, new LufthansaEtlSettings("-", List.of(), 1, 16));
    }

    @Test
    void runs_a_killed_process_left_queued_or_running_are_failed_at_the_next_start() {
        runs.save(EtlRun.queued("q", "references", "all lists", "2026-12-01T00:00:00Z"));
        runs.save(EtlRun.queued("r", "schedules", "PAR-JFK 2026-12-02", "2026-12-01T00:00:01Z")
                .running("2026-12-01T00:00:02Z"));
        runs.save(new EtlRun("s", "references", "2026-11-30T00:00:00Z", "2026-11-30T00:01:00Z", "succeeded",
                1, 1, 1, 0, 0, "done", null, null));

        queue().failLeftovers();

        assertThat(runs.byId("q").orElseThrow()).satisfies(run -> {
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.message()).isEqualTo("server stopped before the run started");
            assertThat(run.finishedAt()).isNotNull();
        });
        assertThat(runs.byId("r").orElseThrow()).satisfies(run -> {
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.message()).isEqualTo("server stopped while the run was in progress");
            assertThat(run.startedAt()).isEqualTo("2026-12-01T00:00:02Z");
        });
        assertThat(runs.byId("s").orElseThrow().status()).isEqualTo("succeeded");
    }

    @Test
    void at_shutdown_the_running_run_and_the_waiting_ones_end_failed_with_the_reason() throws Exception {
        EtlQueue queue = queue();
        CountDownLatch never = new CountDownLatch(1);
        EtlQueue.Accepted running = queue.submit(new EtlJob("references", "all lists", tracker -> {
            never.await();
            return "unreachable";
        }));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "running".equals(runs.byId(running.id()).orElseThrow().status()));
        EtlQueue.Accepted waiting = queue.submit(new EtlJob("schedules", "PAR-JFK 2026-12-02", tracker -> "ran"));
        assertThat(runs.byId(waiting.id()).orElseThrow().status()).isEqualTo("queued");

        queue.stop();

        assertThat(waiting.outcome()).isCompleted();
        assertThat(runs.byId(waiting.id()).orElseThrow()).satisfies(run -> {
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.message()).isEqualTo("server stopped before the run started");
        });
        assertThat(runs.byId(running.id()).orElseThrow()).satisfies(run -> {
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.message()).isEqualTo("server stopped while the run was in progress");
        });
        assertThat(runs.unfinished()).isEmpty();
    }
}
