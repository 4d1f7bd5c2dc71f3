package io.airlines.stream;

import java.util.List;
import java.util.Map;

import io.airlines.config.AirlinesSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The pipeline's topics and their limits, in one place. */
public final class Topics {

    /** Every input lands here first, in any accepted format. */
    public static final String POSITIONS_RAW = "flights.positions.raw";
    /** Validated, normalized positions keyed by flight key. */
    public static final String POSITIONS = "flights.positions";
    /** Rejected input with its reason and origin. */
    public static final String POSITIONS_DLQ = "flights.positions.dlq";
    /** Take-off, landing, emergency squawk, signal lost, delay. */
    public static final String EVENTS = "flights.events";
    /** The original producer's per-flight topics ({@code flight_LH102}), consumed by pattern. */
    public static final String SEED_PATTERN = "flight_.*";

    private Topics() {
    }

    public static List<NewTopic> pipeline(AirlinesSettings.Kafka kafka) {
        Map<String, String> bounded = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(kafka.retention().toMillis()),
                TopicConfig.RETENTION_BYTES_CONFIG, String.valueOf(kafka.retentionBytesPerPartition()),
                TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024),
                TopicConfig.COMPRESSION_TYPE_CONFIG, "producer");
        return List.of(POSITIONS_RAW, POSITIONS, POSITIONS_DLQ, EVENTS).stream()
                .map(name -> new NewTopic(name, kafka.partitions(), kafka.replicationFactor()).configs(bounded))
                .toList();
    }
}
