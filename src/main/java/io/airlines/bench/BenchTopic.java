package io.airlines.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The topics a benchmark feeds its contenders from. */
final class BenchTopic {

    private BenchTopic() {
    }

    /**
     * Creates the topic and returns once every partition has a leader: an idempotent producer
     * whose first batch meets a partition without one can stall on out-of-order sequence errors.
     */
    static void create(String bootstrap, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!everyPartitionLed(admin, topic)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partitions of " + topic + " have no leader after 30 s");
                }
                Thread.sleep(100);
            }
        }
    }

    /** False too while the new topic is not yet in the broker's metadata (seen under load in CI). */
    private static boolean everyPartitionLed(Admin admin, String topic) throws InterruptedException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }
}
