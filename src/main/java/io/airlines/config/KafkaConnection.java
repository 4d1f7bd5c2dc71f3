package io.airlines.config;

import java.nio.file.Path;

import io.airlines.embedded.kafka.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Kafka is: the embedded broker this process started, or the external cluster named by
 * {@code KAFKA_BOOTSTRAP_SERVERS}. Every client of the process takes its address from here, so all
 * talk to the same cluster.
 */
public final class KafkaConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaConnection.class);

    private final String bootstrapServers;
    private final EmbeddedKafkaBroker broker;

    private KafkaConnection(String bootstrapServers, EmbeddedKafkaBroker broker) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
    }

    public static KafkaConnection open(AirlinesSettings settings) {
        return open(settings.kafka(), settings.dataDir());
    }

    /** The external cluster {@code kafka} names, or else a broker started on {@code dataDir}. */
    public static KafkaConnection open(AirlinesSettings.Kafka kafka, Path dataDir) {
        if (!kafka.embedded()) {
            log.info("Using external Kafka cluster at {}; no embedded broker started", kafka.bootstrapServers());
            return new KafkaConnection(kafka.bootstrapServers(), null);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(kafka, dataDir);
        broker.start();
        return new KafkaConnection(broker.bootstrapServers(), broker);
    }

    /** A cluster someone else runs, e.g. for a benchmark or a command talking to a server's broker. */
    public static KafkaConnection to(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, null);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Before this process's first consumer of a group joins: see {@link EmbeddedKafkaBroker#removeStaleMembers}. */
    public void removeStaleMembers(String groupId) {
        if (broker != null) {
            broker.removeStaleMembers(groupId);
        }
    }

    public boolean embedded() {
        return broker != null;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
