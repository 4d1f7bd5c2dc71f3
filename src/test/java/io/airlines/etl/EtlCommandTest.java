package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.airlines.support.FreePorts;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class EtlCommandTest extends IntegrationTest {

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void a_schedule_run_from_the_command_line_waits_for_the_job_and_prints_its_summary() {
        EtlIdle.waitFor(this::url);
        String[] pair = EtlApiTest.pairWithSchedule();
        int code = new EtlCommand(url(""), "", out).execute(new String[] {"schedules", "--from", pair[1], "--to", pair[0],
                "--date", LocalDate.now().plusDays(2).toString()});
        assertThat(code).as(printed.toString()).isZero();
        assertThat(printed.toString()).contains("schedules  succeeded").contains("requests=");
    }

    @Test
    void a_bad_code_is_reported_with_the_field_and_exit_code_2() {
        int code = new EtlCommand(url(""), "", out).execute(new String[] {"schedules", "--from", "ZZZ", "--to", "JFK"});
        assertThat(code).isEqualTo(2);
        assertThat(printed.toString()).contains("HTTP 400").contains("ZZZ");
    }

    @Test
    void without_a_server_it_says_how_to_start_one() {
        int code = new EtlCommand("http://127.0.0.1:" + FreePorts.next(), "", out).execute(new String[] {"references"});
        assertThat(code).isEqualTo(2);
        assertThat(printed.toString()).contains("./airlines start");
    }
}
