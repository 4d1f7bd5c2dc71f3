package io.airlines.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.airlines.config.AirlinesSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;

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

    /**
     * Raw input is only needed until validated, so it keeps a quarter of the byte budget and at most
     * 6 h; validated positions keep half of it; dead letters and events, small in practice, an
     * eighth each: the position topics grow by gigabytes an hour at world scale
     * (docs/benchmarks.md), and the default budget must fit a laptop ({@link #logCapBytes}).
     */
    public static List<NewTopic> pipeline(AirlinesSettings.Kafka kafka) {
        long bytes = kafka.retentionBytesPerPartition();
        long ms = kafka.retention().toMillis();
        return List.of(
                topic(kafka, POSITIONS_RAW, Math.min(ms, 6 * 3_600_000L), bytes / 4),
                topic(kafka, POSITIONS, ms, bytes / 2),
                topic(kafka, POSITIONS_DLQ, ms, bytes / 8),
                topic(kafka, EVENTS, ms, bytes / 8));
    }

    /**
     * The most the pipeline topics can hold on one broker: per partition the retained bytes plus
     * the open segment, which retention never deletes.
     */
    public static long logCapBytes(AirlinesSettings.Kafka kafka) {
        long cap = 0;
        for (NewTopic t : pipeline(kafka)) {
            cap += (Long.parseLong(t.configs().get(TopicConfig.RETENTION_BYTES_CONFIG))
                    + Long.parseLong(t.configs().get(TopicConfig.SEGMENT_BYTES_CONFIG))) * t.numPartitions();
        }
        return cap;
    }

    /** The partition a record keyed by {@code key} goes to, as the producer's default partitioner places it. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static NewTopic topic(AirlinesSettings.Kafka kafka, String name, long retentionMs, long retentionBytes) {
        int segment = (int) Math.max(1024 * 1024, Math.min(64L * 1024 * 1024, retentionBytes / 4));
        return new NewTopic(name, kafka.partitions(), kafka.replicationFactor()).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs),
                TopicConfig.RETENTION_BYTES_CONFIG, String.valueOf(retentionBytes),
                TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(segment),
                TopicConfig.COMPRESSION_TYPE_CONFIG, "producer"));
    }
}
