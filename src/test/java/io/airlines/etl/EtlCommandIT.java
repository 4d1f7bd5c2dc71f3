package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import io.airlines.support.FakeLufthansa;
import io.airlines.support.FreePorts;
import io.airlines.support.Http;
import org.junit.jupiter.api.Test;

class EtlCommandIT extends EtlIntegrationTest {

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void a_schedule_run_from_the_command_line_waits_for_the_job_and_prints_its_summary() {
        String[] pair = EtlApiIT.pairWithSchedule();
        int code = new EtlCommand(url(""), "", out).execute(new String[] {"schedules", "--from", pair[1], "--to", pair[0],
                "--date", LocalDate.now().plusDays(2).toString()});
        assertThat(code).as(printed.toString()).isZero();
        assertThat(printed.toString()).contains("schedules (" + pair[1] + "-" + pair[0]).contains("succeeded")
                .contains("requests=");
    }

    @Test
    void a_run_queued_behind_another_is_shown_queued_and_waited_for() {
        String[] pair = EtlApiIT.pairWithSchedule();
        String date = LocalDate.now().plusDays(8).toString();
        FakeLufthansa.API.hold();
        etl.running("/references");

        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> new EtlCommand(url(""), "", out)
                .execute(new String[] {"schedules", "--from", pair[0], "--to", pair[1], "--date", date}));
        await().atMost(Duration.ofSeconds(30)).until(() -> printed.toString().contains("queued"));
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        int listedCode = new EtlCommand(url(""), "", new PrintStream(listed, true, StandardCharsets.UTF_8))
                .execute(new String[] {"runs"});
        assertThat(listedCode).isZero();
        assertThat(listed.toString(StandardCharsets.UTF_8))
                .contains("schedules (" + pair[0] + "-" + pair[1] + " " + date + ")  queued");
        assertThat(waiting).isNotDone();

        FakeLufthansa.API.release();
        await().atMost(Duration.ofMinutes(1)).until(waiting::isDone);
        assertThat(waiting.join()).as(printed.toString()).isZero();
        assertThat(printed.toString()).contains("schedules (" + pair[0] + "-" + pair[1] + " " + date + ")  succeeded");
    }

    @Test
    void a_bad_code_is_reported_with_the_field_and_exit_code_2() {
        int code = new EtlCommand(url(""), "", out).execute(new String[] {"schedules", "--from", "ZZZ", "--to", "JFK"});
        assertThat(code).isEqualTo(2);
        assertThat(printed.toString()).contains("HTTP 400").contains("ZZZ");
    }

    @Test
    void a_typo_or_an_unknown_job_is_refused_with_exit_2_before_anything_is_queued() {
        int runsBefore = runCount();
        assertThat(new EtlCommand(url(""), "", out).execute(new String[] {"schedules", "--form", "PAR", "--to", "JFK"}))
                .isEqualTo(2);
        assertThat(printed.toString()).contains("--form").contains("--from");
        assertThat(new EtlCommand(url(""), "", out).execute(new String[] {"referenses"})).isEqualTo(2);
        assertThat(new EtlCommand(url(""), "", out).execute(new String[] {"schedules", "--days", "two"})).isEqualTo(2);
        assertThat(new EtlCommand(url(""), "", out).execute(new String[0])).isEqualTo(2);
        assertThat(printed.toString()).contains("Usage: etl");
        assertThat(runCount()).isEqualTo(runsBefore);

        printed.reset();
        assertThat(new EtlCommand(url(""), "", out).execute(new String[] {"schedules", "--help"})).isZero();
        assertThat(printed.toString()).contains("--from").contains("--days");
    }

    private int runCount() {
        return Http.get(url("/api/v1/etl/runs?limit=1000")).body().split("\"id\":").length - 1;
    }

    @Test
    void without_a_server_it_says_how_to_start_one() {
        int code = new EtlCommand("http://127.0.0.1:" + FreePorts.next(), "", out).execute(new String[] {"references"});
        assertThat(code).isEqualTo(2);
        assertThat(printed.toString()).contains("./airlines start");
    }
}
