package io.airlines.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.airlines.config.AirlinesSettings;
import io.airlines.config.KafkaConnection;
import io.airlines.stream.KafkaClients;
import io.airlines.support.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that dies leaves its members in its consumer groups; the broker, started again on the
 * same log, would keep every partition from the new process until their sessions time out (45 s).
 * Here the broker restarts fast (it stopped cleanly, so it recovers nothing), which is when a
 * look at the groups taken right after start-up finds none loaded yet.
 */
class StaleGroupMembersIT {

    private static final String GROUP = "airlines-stale-test";
    private static final String TOPIC = "stale-test";

    @TempDir
    Path dataDir;

    @Test
    void aConsumerAfterARestartGetsItsPartitionsWithoutWaitingForTheDeadMembers() throws Exception {
        AirlinesSettings.Kafka settings = new AirlinesSettings.Kafka("", FreePorts.next(), FreePorts.next(), 1,
                (short) 1, Duration.ofHours(1), 64L * 1024 * 1024, Duration.ofSeconds(20));

        try (KafkaConnection first = KafkaConnection.open(settings, dataDir)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
            }
            KafkaConsumer<String, byte[]> dying = new KafkaClients(first).consumer(GROUP, "dying");
            dying.subscribe(List.of(TOPIC));
            awaitPartitions(dying, Duration.ofSeconds(30));
            // The broker goes first, so the consumer's leave never reaches it: as if its process were killed.
            first.close();
            dying.close(Duration.ZERO);
        }

        try (KafkaConnection restarted = KafkaConnection.open(settings, dataDir);
                KafkaConsumer<String, byte[]> next = new KafkaClients(restarted).consumer(GROUP, "next")) {
            long started = System.nanoTime();
            next.subscribe(List.of(TOPIC));
            awaitPartitions(next, Duration.ofSeconds(20));
            assertThat(next.assignment()).hasSize(2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }

    private static void awaitPartitions(KafkaConsumer<String, byte[]> consumer, Duration atMost) {
        await().atMost(atMost).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
    }
}
