package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class KafkaClientsIT extends IntegrationTest {

    /** Half of G1's smallest region: an array this large or larger is a humongous object. */
    static final int HUMONGOUS = 512 * 1024;

    @Autowired
    KafkaClients clients;

    @Test
    void a_consumer_reading_a_backlog_is_answered_in_fetches_below_the_collectors_humongous_size() throws Exception {
        String topic = "fetch-size-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            TopicReadiness.awaitWritable(admin, List.of(topic), Duration.ofSeconds(30));
        }
        // 8 MiB that compression cannot shrink: a backlog the old 2 MiB answers were full of.
        int records = 800;
        Random random = new Random(1);
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(TestStack.bootstrapServers(), "fetch-size")) {
            for (int i = 0; i < records; i++) {
                byte[] value = new byte[10 * 1024];
                random.nextBytes(value);
                producer.send(new ProducerRecord<>(topic, "k" + i, value));
            }
            producer.flush();
        }

        try (KafkaConsumer<String, byte[]> consumer = clients.consumer("fetch-size-" + UUID.randomUUID(), "fetch-size")) {
            consumer.subscribe(List.of(topic));
            int read = 0;
            long until = System.currentTimeMillis() + 60_000;
            while (read < records && System.currentTimeMillis() < until) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            assertThat(read).isEqualTo(records);
            assertThat(metric(consumer, "fetch-size-max")).isGreaterThan(100 * 1024).isLessThan(HUMONGOUS);
        }
    }

    private static double metric(KafkaConsumer<?, ?> consumer, String name) {
        for (Map.Entry<MetricName, ? extends Metric> m : consumer.metrics().entrySet()) {
            if (m.getKey().name().equals(name) && m.getKey().group().equals("consumer-fetch-manager-metrics")
                    && !m.getKey().tags().containsKey("topic")) {
                return ((Number) m.getValue().metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no consumer metric " + name);
    }
}
