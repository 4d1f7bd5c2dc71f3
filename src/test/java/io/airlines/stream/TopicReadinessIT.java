package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;

import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopicReadinessIT extends IntegrationTest {

    private Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()));
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void waits_for_a_topic_created_meanwhile_and_returns_once_its_partitions_answer() throws Exception {
        String topic = "readiness-" + UUID.randomUUID();
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try {
                TopicReadiness.awaitWritable(admin, List.of(topic), Duration.ofSeconds(60));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !ready.isDone());

        admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();

        await().atMost(Duration.ofSeconds(30)).until(ready::isDone);
        ready.get();
    }

    @Test
    void a_topic_that_never_comes_ends_the_wait_with_a_timeout_naming_it() {
        String topic = "never-" + UUID.randomUUID();
        assertThatThrownBy(() -> TopicReadiness.awaitWritable(admin, List.of(topic), Duration.ofSeconds(2)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining(topic);
    }

    /** A broker that never answers leaves each admin call to run out of the time left: still the named timeout. */
    @Test
    void a_broker_that_never_answers_ends_the_wait_with_a_timeout_naming_the_topic() throws Exception {
        String topic = "unanswered-" + UUID.randomUUID();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Admin mute = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    "127.0.0.1:" + silent.getLocalPort()));
            try {
                assertThatThrownBy(() -> TopicReadiness.awaitWritable(mute, List.of(topic), Duration.ofSeconds(1)))
                        .isInstanceOf(TimeoutException.class).hasMessageContaining(topic);
            } finally {
                mute.close(Duration.ZERO);
            }
        }
    }

    /**
     * KAFKA-15591: an idempotent producer with batches in flight to a partition its leader has not
     * opened yet loses the first batch at its delivery timeout. Written to at once after the wait,
     * new topics lose nothing (without the wait, most rounds lost a batch on this machine).
     */
    @Test
    void new_topics_written_at_once_after_the_wait_lose_no_batch() throws Exception {
        ConcurrentLinkedQueue<Exception> failed = new ConcurrentLinkedQueue<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                // A lost batch fails in seconds, not after the default two minutes.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000), new StringSerializer(), new StringSerializer())) {
            for (int round = 0; round < 8; round++) {
                String topic = "written-at-once-" + round + "-" + UUID.randomUUID();
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
                TopicReadiness.awaitWritable(admin, List.of(topic), Duration.ofSeconds(30));
                for (int i = 0; i < 600; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i), (metadata, e) -> {
                        if (e != null) {
                            failed.add(e);
                        }
                    });
                }
                producer.flush();
            }
        }
        assertThat(failed).isEmpty();
    }
}
