package io.airlines.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.airlines.bench.ServerProcess;
import io.airlines.support.Http;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a real process: restart, external mode, and every start-up failure a user can fix. */
class ServerLifecycleIT {

    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void a_restart_on_the_same_data_dir_keeps_every_record_and_document_and_a_second_instance_can_use_them()
            throws Exception {
        Path dataDir = temp.resolve("data");
        String topic = "it-restart";
        String value = "position-" + UUID.randomUUID();
        String docId = UUID.randomUUID().toString();
        ServerProcess first = ServerProcess.builder(dataDir).log(log("first")).start();
        try (first) {
            first.awaitHealthy(START);
            produce(first.kafkaPort(), topic, value);
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + first.mongoPort())) {
                mongo.getDatabase("airlines").getCollection("it_restart").insertOne(new Document("_id", docId));
            }

            try (ServerProcess second = ServerProcess.builder(temp.resolve("second"))
                    .env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + first.kafkaPort())
                    .env("MONGODB_URI", "mongodb://127.0.0.1:" + first.mongoPort())
                    .log(log("external")).start()) {
                second.awaitHealthy(START);
                assertThat(second.output())
                        .contains("Using external Kafka cluster at 127.0.0.1:" + first.kafkaPort())
                        .contains("no embedded store started")
                        .doesNotContain("Embedded Kafka broker listening")
                        .doesNotContain("Embedded MongoDB store listening");
                assertThat(Http.listening("127.0.0.1", second.kafkaPort())).isFalse();
                assertThat(Http.listening("127.0.0.1", second.mongoPort())).isFalse();
                assertThat(Http.get(second.url("/actuator/health")).body())
                        .contains("\"bootstrapServers\":\"127.0.0.1:" + first.kafkaPort() + "\"")
                        .contains("mongodb://127.0.0.1:" + first.mongoPort());
                assertThat(second.stop(Duration.ofSeconds(30))).isLessThan(Duration.ofSeconds(15));
            }

            assertThat(first.stop(Duration.ofSeconds(30))).isLessThan(Duration.ofSeconds(15));
            assertThat(first.output()).contains("Embedded Kafka broker stopped").contains("Embedded MongoDB store stopped");
        }

        try (ServerProcess again = ServerProcess.builder(dataDir).portsOf(first).log(log("again")).start()) {
            again.awaitHealthy(START);
            assertThat(consumeAll(again.kafkaPort(), topic)).contains(value);
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + again.mongoPort())) {
                assertThat(mongo.getDatabase("airlines").getCollection("it_restart")
                        .find(new Document("_id", docId)).first()).isNotNull();
            }
        }
    }

    @Test
    void a_busy_kafka_port_gives_one_line_naming_the_setting_and_a_non_zero_exit() throws IOException {
        try (ServerSocket busy = listen()) {
            ServerProcess server = ServerProcess.builder(temp.resolve("data"))
                    .env("AIRLINES_KAFKA_PORT", String.valueOf(busy.getLocalPort())).log(log("busy-kafka")).start();
            assertFailsWith(server, "airlines: cannot start: Kafka port 127.0.0.1:" + busy.getLocalPort()
                    + " is already in use; set AIRLINES_KAFKA_PORT to a free port");
        }
    }

    @Test
    void a_busy_web_port_stops_the_started_broker_and_exits_instead_of_hanging() throws IOException {
        try (ServerSocket busy = listen()) {
            ServerProcess server = ServerProcess.builder(temp.resolve("data"))
                    .env("SERVER_PORT", String.valueOf(busy.getLocalPort())).log(log("busy-web")).start();
            assertFailsWith(server, "set SERVER_PORT to a free port");
        }
    }

    @Test
    void a_busy_store_port_is_named() throws IOException {
        try (ServerSocket busy = listen()) {
            ServerProcess server = ServerProcess.builder(temp.resolve("data"))
                    .env("AIRLINES_MONGO_PORT", String.valueOf(busy.getLocalPort())).log(log("busy-mongo")).start();
            assertFailsWith(server, "set AIRLINES_MONGO_PORT to a free port");
        }
    }

    @Test
    void a_data_dir_that_cannot_be_written_is_named() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("plain-file"), "x");
        ServerProcess server = ServerProcess.builder(notADirectory.resolve("data")).log(log("bad-dir")).start();
        assertFailsWith(server, "set AIRLINES_DATA_DIR to a writable directory");
    }

    @Test
    void a_setting_out_of_range_is_named_with_its_value_before_a_broker_or_store_starts() {
        ServerProcess server = ServerProcess.builder(temp.resolve("data"))
                .env("AIRLINES_STORE_WRITERS", "0").log(log("bad-setting")).start();
        assertFailsWith(server, "airlines: cannot start: AIRLINES_STORE_WRITERS=0: must be between 1 and 64");
        assertThat(server.output()).doesNotContain("Embedded Kafka broker listening")
                .doesNotContain("Embedded MongoDB store listening");
    }

    @Test
    void an_unreachable_external_mongodb_is_named_without_revealing_its_password() {
        int nobody = ServerProcess.freePort();
        ServerProcess server = ServerProcess.builder(temp.resolve("data"))
                .env("MONGODB_URI", "mongodb://bob:hunter2-secret@127.0.0.1:" + nobody + "/?connectTimeoutMS=1000")
                .env("AIRLINES_MONGO_STARTUP_TIMEOUT", "2s")
                .log(log("no-mongo")).start();
        assertFailsWith(server, "is unreachable (MongoTimeoutException); set MONGODB_URI to a reachable server");
        assertThat(server.output()).doesNotContain("hunter2-secret").contains("mongodb://***@127.0.0.1:" + nobody);
    }

    @Test
    void an_unreachable_external_kafka_cluster_is_named() {
        int nobody = ServerProcess.freePort();
        ServerProcess server = ServerProcess.builder(temp.resolve("data"))
                .env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + nobody)
                .env("AIRLINES_KAFKA_STARTUP_TIMEOUT", "3s")
                .log(log("no-kafka")).start();
        assertFailsWith(server, "Kafka at 127.0.0.1:" + nobody + " is unreachable");
        assertThat(server.output()).contains("set KAFKA_BOOTSTRAP_SERVERS to a reachable cluster");
        // The admin client's close waited for its pending connection check to time out: 7 s more.
        assertThat(Duration.between(loggedAt(server.output(), "Exception encountered during context initialization"),
                loggedAt(server.output(), "Embedded MongoDB store stopped")))
                .as("from the failed start to the store's stop").isLessThan(Duration.ofSeconds(4));
    }

    /** When the first log line containing {@code text} was written, from its ISO-8601 timestamp. */
    private static Instant loggedAt(String output, String text) {
        String line = output.lines().filter(l -> l.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line with: " + text));
        return Instant.parse(line.substring(0, line.indexOf(' ')));
    }

    private static void assertFailsWith(ServerProcess server, String line) {
        try (server) {
            int exit = server.awaitExit(Duration.ofSeconds(90));
            assertThat(exit).isNotZero();
            assertThat(server.output()).contains(line);
            assertThat(server.output().lines().filter(l -> l.startsWith("airlines: cannot start:")).count()).isEqualTo(1);
        }
    }

    private Path log(String name) {
        return Path.of("target", "server-logs", getClass().getSimpleName() + "-" + name + "-" + UUID.randomUUID() + ".log");
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    private static void produce(int kafkaPort, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    private static List<String> consumeAll(int kafkaPort, String topic) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                return !seen.isEmpty();
            });
        }
        return seen;
    }
}
