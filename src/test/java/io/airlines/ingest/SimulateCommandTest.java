package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.junit.jupiter.api.Test;

class SimulateCommandTest extends IntegrationTest {

    @Test
    void options_are_read_as_pairs_and_unknown_arguments_are_refused() {
        assertThat(SimulateCommand.options(new String[] {"--aircraft", "5", "--seed", "9"}))
                .isEqualTo(Map.of("aircraft", "5", "seed", "9"));
        assertThat(SimulateCommand.run(new String[] {"oops"})).isEqualTo(2);
        assertThat(SimulateCommand.run(new String[] {"--aircraft", "many"})).isEqualTo(2);
        assertThat(SimulateCommand.run(new String[] {"--help"})).isZero();
    }

    @Test
    void the_command_flies_its_fleet_into_the_configured_kafka() {
        // The server's own simulator flies 20 aircraft in tests; the command adds 30 more.
        String bootstrap = TestStack.bootstrapServers();
        Thread run = new Thread(() -> SimulateCommand.fly(bootstrap, 30, 1, 424242, 1, 6));
        run.start();
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(Http.get(url("/api/v1/live?source=simulator&limit=100000")).body().split("\"key\"").length - 1)
                        .isGreaterThanOrEqualTo(50));
    }
}
