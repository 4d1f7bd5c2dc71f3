package io.airlines.ingest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.PrivacyBlocklist;
import io.airlines.stream.Topics;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.stereotype.Component;

/**
 * Where every source of this process writes: {@code flights.positions.raw}, keyed by flight.
 * Aircraft on the privacy block list stop here, before Kafka: only their count is kept.
 */
@Component
class RawPositions {

    private static final Future<RecordMetadata> DROPPED = CompletableFuture.completedFuture(null);

    private final PositionCodec codec;
    private final KafkaProducer<String, byte[]> producer;
    private final PrivacyBlocklist blocklist;
    private final PipelineMetrics metrics;

    public RawPositions(KafkaClients clients, PositionCodec codec, PrivacyBlocklist blocklist, PipelineMetrics metrics) {
        this.codec = codec;
        this.producer = clients.producer("airlines-sources");
        this.blocklist = blocklist;
        this.metrics = metrics;
    }

    public Future<RecordMetadata> publish(Position p) {
        return publishRaw(p, codec.encode(p));
    }

    /** A record as received (HTTP), so the pipeline validates and, if need be, dead-letters the original bytes. */
    public Future<RecordMetadata> publishRaw(Position decoded, byte[] value) {
        if (blocklist.blocks(decoded)) {
            metrics.blocked.increment();
            return DROPPED;
        }
        return producer.send(new ProducerRecord<>(Topics.POSITIONS_RAW, decoded.key(), value));
    }

    public void flush() {
        producer.flush();
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
