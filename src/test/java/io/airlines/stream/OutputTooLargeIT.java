package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class OutputTooLargeIT extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private static final int LIMIT = 8192;
    private static final ConfigResource POSITIONS = new ConfigResource(ConfigResource.Type.TOPIC, Topics.POSITIONS);

    @Test
    void an_output_the_broker_refuses_as_too_large_puts_its_input_in_the_dlq_before_the_offset_is_committed()
            throws Exception {
        String big = TestKafka.uniqueKey("XL");
        long t = System.currentTimeMillis() - 10_000;
        String bigJson = withLongCallsign(big, t);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()))) {
            // Its output shares the big one's partition, so both go out in one batch: the harder case.
            int partitions = admin.describeTopics(List.of(Topics.POSITIONS)).allTopicNames().get()
                    .get(Topics.POSITIONS).partitions().size();
            String small = Stream.generate(() -> TestKafka.uniqueKey("XS"))
                    .filter(k -> Topics.partitionOf(k, partitions) == Topics.partitionOf(big, partitions)).findFirst().orElseThrow();
            limitPositions(admin, AlterConfigOp.OpType.SET);
            try (ReplacedPipeline pipeline = new ReplacedPipeline(context, quicklyGivingUp())) {
                awaitLimitEnforced();
                List<RecordMetadata> sent = TestKafka.sendAndLocate(Topics.POSITIONS_RAW, big,
                        bigJson, Canonical.json(small, t, 50.0, 8.0, 10000, "1000", "http"));
                RecordMetadata after = sent.get(1);

                await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.committed(ValidationPipeline.GROUP, after) > after.offset());

                ConsumerRecord<String, byte[]> dead = TestKafka.readToEnd(Topics.POSITIONS_DLQ).stream()
                        .filter(r -> TestKafka.value(r).equals(bigJson)).findFirst().orElseThrow();
                assertThat(TestKafka.header(dead, ValidationPipeline.REASON_HEADER)).startsWith("output too large for flights.positions");
                assertThat(TestKafka.header(dead, "dlq.offset")).isEqualTo(String.valueOf(sent.get(0).offset()));
                assertThat(TestKafka.readToEnd(Topics.POSITIONS)).anyMatch(r -> small.equals(r.key()));
            } finally {
                limitPositions(admin, AlterConfigOp.OpType.DELETE);
            }
        }
    }

    /**
     * The pipeline's producer, except that it gives up on a batch after seconds rather than
     * minutes: a batch holding the big output and the small one is split and resent until then.
     */
    private static KafkaProducer<String, byte[]> quicklyGivingUp() {
        Map<String, Object> config = KafkaClients.producerConfig(TestStack.bootstrapServers(), "quickly-giving-up");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A valid position whose validated form (about 30 kB, little compressible) exceeds the limit. */
    private static String withLongCallsign(String key, long time) {
        String callsign = IntStream.range(0, 1000).mapToObj(i -> UUID.randomUUID().toString().replace("-", ""))
                .collect(Collectors.joining()).substring(0, 30_000);
        return String.format(Locale.ROOT, "{\"key\":\"%s\",\"callsign\":\"%s\",\"lat\":50.0,\"lon\":8.0,\"source\":\"http\",\"time\":%d}",
                key, callsign, time);
    }

    private static void limitPositions(Admin admin, AlterConfigOp.OpType op) throws Exception {
        AlterConfigOp change = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(LIMIT)), op);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = Map.of(POSITIONS, List.of(change));
        admin.incrementalAlterConfigs(changes).all().get();
    }

    /** The broker applies a topic's new limit shortly after saying so: a probe it refuses proves it does. */
    private static void awaitLimitEnforced() {
        String probe = withLongCallsign(TestKafka.uniqueKey("PR"), System.currentTimeMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.POSITIONS, "probe", probe)).get())
                            .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RecordTooLargeException.class));
        }
    }
}
