package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import io.airlines.etl.EtlIdle;
import io.airlines.stream.ReferenceData;
import io.airlines.support.FreePorts;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandIT extends IntegrationTest {

    @Test
    void a_typo_a_stray_argument_or_a_bad_number_is_refused_with_exit_2() {
        for (String[] args : new String[][] {{"--aircarft", "5"}, {"oops"}, {"--aircraft", "many"}, {"--seconds", "-1"}}) {
            StringWriter err = new StringWriter();
            int exit = new CommandLine(new SimulateCommand()).setErr(new PrintWriter(err)).execute(args);
            assertThat(exit).as(String.join(" ", args)).isEqualTo(2);
            if (!args[0].equals("--seconds")) {
                assertThat(err.toString()).as("names the mistake and the right option").contains(args[0]).contains("--aircraft");
            }
        }
        StringWriter out = new StringWriter();
        assertThat(new CommandLine(new SimulateCommand()).setOut(new PrintWriter(out)).execute("--help")).isZero();
        assertThat(out.toString()).contains("--speedup").contains("default: 2000");
    }

    @Test
    void the_command_flies_its_fleet_into_the_configured_kafka() {
        // The server's own simulator flies at most 20 aircraft in tests (those of its timetable
        // sample parked overnight are silent); the command adds 30 more, so 30 shows them arriving.
        String bootstrap = TestStack.bootstrapServers();
        Thread run = new Thread(() -> SimulateCommand.fly(bootstrap, ReferenceData.builtIn(), 30, 1, 424242, 1, 6));
        run.start();
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(Http.get(url("/api/v1/live?source=simulator&limit=100000")).body().split("\"key\"").length - 1)
                        .isGreaterThanOrEqualTo(30));
    }

    @Test
    void the_command_flies_the_timetable_of_the_store_when_there_is_one_and_says_so() {
        EtlIdle.waitFor(this::url);
        try (StoreTimetable timetable = StoreTimetable.open(TestStack.mongoUri(), "airlines_test")) {
            assertThat(timetable.description()).startsWith("the timetable of the store (");
            assertThat(timetable.data().legs()).isNotEmpty();
            assertThat(new Simulator(10, 3, 1, timetable.data(), System.currentTimeMillis()).timetableAircraft())
                    .as("aircraft on the timetable's rotations").isEqualTo(10);
        }
        try (StoreTimetable none = StoreTimetable.open("mongodb://127.0.0.1:" + FreePorts.next(), "airlines_test")) {
            assertThat(none.description()).startsWith("round trips from airline bases: no store answers");
            assertThat(none.data().legs()).isEmpty();
            assertThat(none.announceCancellations(3)).isZero();
        }
    }
}
