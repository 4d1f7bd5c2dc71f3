package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.airlines.etl.EtlIdle;
import io.airlines.stream.ReferenceData;
import io.airlines.support.FreePorts;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

class SimulateCommandIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void every_aircraft_of_the_command_with_its_transponder_on_shows_live() {
        // The server's own simulator flies beside it, so the command's aircraft are told apart by
        // their transponder addresses. Parked overnight, an aircraft is silent: those reporting at
        // both ends of the minute the command flies in report all through it (a flight and its
        // turnarounds last longer, a silent stop longer still), whatever the hour.
        long now = System.currentTimeMillis();
        Simulator simulator = new Simulator(30, 424242, 1, ReferenceData.builtIn(), now);
        Set<String> onAllMinute = reporting(simulator, now);
        onAllMinute.retainAll(reporting(simulator, now + 60_000));
        assertThat(simulator.size()).isEqualTo(30);
        assertThat(onAllMinute).as("the command's aircraft reporting now").isNotEmpty();
        Set<String> command = new HashSet<>();
        simulator.fleet().forEach(a -> command.add(a.identity().address()));

        Thread run = new Thread(() -> SimulateCommand.fly(TestStack.bootstrapServers(), simulator, 1, 6));
        run.start();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            Set<String> live = new HashSet<>();
            JSON.readTree(Http.get(url("/api/v1/live?source=simulator&limit=100000")).body()).path("aircraft")
                    .forEach(a -> live.add(a.path("key").asString()));
            live.retainAll(command);
            assertThat(live).as("the command's aircraft shown live").containsAll(onAllMinute);
        });
    }

    private static Set<String> reporting(Simulator simulator, long at) {
        Set<String> keys = new HashSet<>();
        simulator.positionsAt(at, 0, 1, p -> keys.add(p.key()));
        return keys;
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
