package io.airlines.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.airlines.stream.TopicReadiness;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The topics a benchmark feeds its contenders from. */
final class BenchTopic {

    private BenchTopic() {
    }

    /** Creates the topic and returns once it takes writes ({@link TopicReadiness}). */
    static void create(String bootstrap, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            }
            TopicReadiness.awaitWritable(admin, List.of(topic), Duration.ofSeconds(30));
        }
    }
}
