package io.airlines.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class EmbeddedStackIT extends IntegrationTest {

    @Test
    void a_plain_kafka_client_produces_to_and_consumes_from_the_embedded_broker() throws Exception {
        String topic = "it-roundtrip-" + UUID.randomUUID();
        String value = "{\"hello\":\"" + UUID.randomUUID() + "\"}";
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k1", value)).get();
        }
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            List<String> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.value());
                }
                return seen.contains(value);
            });
        }
    }

    @Test
    void a_producer_may_create_a_flight_topic_on_first_use_like_the_original_broker() throws Exception {
        String topic = "flight_T" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "{\"flight_id\":\"x\"}")).get();
        }
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).contains(topic);
        }
    }

    @Test
    void the_pipeline_topics_exist_with_the_configured_partitions_and_bounded_retention() throws Exception {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(
                    Topics.POSITIONS_RAW, Topics.POSITIONS, Topics.POSITIONS_DLQ, Topics.EVENTS)).allTopicNames().get();
            assertThat(topics).hasSize(4);
            topics.values().forEach(t -> assertThat(t.partitions()).hasSize(6));
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.POSITIONS);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofHours(24).toMillis()));
            assertThat(Long.parseLong(config.get("retention.bytes").value())).isPositive();
        }
    }

    @Test
    void the_embedded_broker_sizes_its_log_cleaner_for_its_own_small_compacted_topics() throws Exception {
        try (Admin admin = admin()) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER,
                    String.valueOf(admin.describeCluster().controller().get().id()));
            long dedupeBuffer = Long.parseLong(admin.describeConfigs(List.of(broker)).all().get().get(broker)
                    .get("log.cleaner.dedupe.buffer.size").value());
            // Kafka's default, 128 MiB, is allocated whole at start and was the largest object of the heap.
            assertThat(dedupeBuffer).isLessThanOrEqualTo(16L * 1024 * 1024);
        }
    }

    @Test
    void the_mongodb_driver_writes_and_reads_the_embedded_store() {
        try (MongoClient client = MongoClients.create(TestStack.mongoUri())) {
            MongoCollection<Document> things = client.getDatabase("airlines_test").getCollection("it_things");
            String id = UUID.randomUUID().toString();
            things.insertOne(new Document("_id", id).append("name", "Frankfurt"));
            assertThat(things.find(new Document("_id", id)).first()).containsEntry("name", "Frankfurt");
        }
    }

    @Test
    void health_reports_kafka_and_mongodb_up() {
        HttpResponse<String> health = Http.get(url("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"kafka\":{")
                .contains("\"mongo\":{")
                .contains("\"bootstrapServers\":\"" + TestStack.bootstrapServers() + "\"")
                .startsWith("{\"components\"")
                .endsWith("\"status\":\"UP\"}");
    }

    @Test
    void prometheus_metrics_are_exposed_and_env_is_not() {
        HttpResponse<String> metrics = Http.get(url("/actuator/prometheus"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .containsPattern("(?m)^airlines_store_file_bytes [1-9]")
                .containsPattern("(?m)^airlines_store_file_live_percent ([1-9][0-9]?|100)\\.")
                .containsPattern("(?m)^airlines_store_file_written_bytes_total [1-9]")
                .containsPattern("(?m)^airlines_store_file_read_bytes_total [0-9]");
        assertThat(Http.get(url("/actuator/env")).statusCode()).isEqualTo(404);
        assertThat(Http.get(url("/actuator/beans")).statusCode()).isEqualTo(404);
    }

    @Test
    void kafka_clients_mongodb_commands_and_latencies_are_measured_for_prometheus() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Http.get(url("/actuator/prometheus")).body())
                .containsPattern("(?m)^mongodb_driver_commands_seconds_count\\{.*command=\"ping\".*} [1-9]")
                .containsPattern("(?m)^kafka_consumer_fetch_manager_records_consumed_total\\{.*client_id=\"[^\"]+\".*} [1-9]")
                .containsPattern("(?m)^kafka_producer_record_send_total\\{.*} [1-9]")
                .containsPattern("(?m)^airlines_live_latency_seconds_bucket\\{le=\"\\+Inf\"} [1-9]")
                .containsPattern("(?m)^airlines_store_latency_seconds_bucket\\{le=\"\\+Inf\"} [1-9]"));
    }

    @Test
    void the_about_page_says_what_is_running_and_where() {
        HttpResponse<String> home = Http.get(url("/about"));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains(TestStack.bootstrapServers())
                .contains(TestStack.mongoUri())
                .contains("embedded broker")
                .contains("/actuator/health");
    }

    @Test
    void embedded_services_listen_on_loopback_only() {
        assertThat(Http.listening("127.0.0.1", TestStack.KAFKA_PORT)).isTrue();
        assertThat(Http.listening("127.0.0.1", TestStack.MONGO_PORT)).isTrue();
        Optional<String> external = nonLoopbackAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback address");
        assertThat(Http.listening(external.get(), TestStack.KAFKA_PORT)).isFalse();
        assertThat(Http.listening(external.get(), TestStack.KAFKA_CONTROLLER_PORT)).isFalse();
        assertThat(Http.listening(external.get(), TestStack.MONGO_PORT)).isFalse();
        assertThat(Http.listening(external.get(), port)).isFalse();
    }

    static Optional<String> nonLoopbackAddress() {
        try {
            for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (java.net.SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()));
    }
}
