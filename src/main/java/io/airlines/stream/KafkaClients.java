package io.airlines.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.airlines.config.KafkaConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Plain Kafka clients for the pipeline, tuned for many small records: batching and lz4 on the
 * producer, large fetches on consumers. Keys are flight keys (strings), values raw bytes.
 */
@Component
public class KafkaClients {

    private static final Logger log = LoggerFactory.getLogger(KafkaClients.class);

    public static final int MAX_POLL_RECORDS = 10_000;
    /** Bytes a fetch answers at most: under half of G1's smallest region (1 MiB), so not a humongous object. */
    static final int FETCH_MAX_BYTES = 384 * 1024;
    /** How long a producer's batch waits for more records unless the producer asks otherwise. */
    private static final int LINGER_MS = 20;

    /** Where the clients connect; after a restart of the embedded broker it also clears a group before its first consumer. */
    private final KafkaConnection connection;
    /** Where the clients' own metrics go; none for pipelines that benchmarks and drills build. */
    private final Optional<MeterRegistry> registry;
    /** One thread refreshes the meters of every client, instead of one thread per client. */
    private final ScheduledExecutorService meterRefresh;

    public KafkaClients(KafkaConnection connection) {
        this(connection, Optional.empty());
    }

    /** Clients whose own metrics (requests, fetch lag, buffers...) are published as {@code kafka_*} meters. */
    @Autowired
    public KafkaClients(KafkaConnection connection, MeterRegistry registry) {
        this(connection, Optional.of(registry));
        log.info("Kafka compression with {}", NativeLz4.inUse());
    }

    private KafkaClients(KafkaConnection connection, Optional<MeterRegistry> registry) {
        this.connection = connection;
        this.registry = registry;
        this.meterRefresh = registry.isEmpty() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kafka-client-meters");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    public void close() {
        if (meterRefresh != null) {
            meterRefresh.shutdownNow();
        }
    }

    public KafkaProducer<String, byte[]> producer(String clientId) {
        return producer(clientId, LINGER_MS);
    }

    /** A producer whose batches wait up to {@code lingerMs} for more records unless flushed. */
    public KafkaProducer<String, byte[]> producer(String clientId, int lingerMs) {
        return measured(producer(connection.bootstrapServers(), clientId, lingerMs));
    }

    private <C extends AutoCloseable> C measured(C client) {
        // A loop's consumer and producer share a client id: the kind keeps their meters apart.
        registry.ifPresent(r -> (client instanceof KafkaProducer<?, ?> p
                ? new KafkaClientMetrics(p, List.of(Tag.of("kind", "producer")), meterRefresh)
                : new KafkaClientMetrics((KafkaConsumer<?, ?>) client, List.of(Tag.of("kind", "consumer")), meterRefresh))
                .bindTo(r));
        return client;
    }

    public static KafkaProducer<String, byte[]> producer(String bootstrapServers, String clientId) {
        return producer(bootstrapServers, clientId, LINGER_MS);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers, String clientId, int lingerMs) {
        Map<String, Object> config = producerConfig(bootstrapServers, clientId);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public static Map<String, Object> producerConfig(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        return config;
    }

    public KafkaConsumer<String, byte[]> consumer(String groupId, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            connection.removeStaleMembers(groupId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        // A fetch's answer is one array on the heap, kept whole until its last record is polled.
        // At half a G1 region or more (512 KiB with the launcher's heap) it is a humongous object:
        // at world scale 2 MiB answers, a few a second, started collections of their own, left no
        // free regions to evacuate into, and ended in full collections. A batch larger than the
        // limit still comes whole (the producers' batches are at most 256 KiB).
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_MAX_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        // New flight_<id> topics of the original producer are picked up within seconds.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 3000);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
        return measured(new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
    }
}
