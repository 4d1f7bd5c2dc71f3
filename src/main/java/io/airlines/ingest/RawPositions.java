package io.airlines.ingest;

import java.time.Duration;
import java.util.concurrent.Future;

import io.airlines.stream.KafkaClients;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.Topics;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.stereotype.Component;

/** Where every source of this process writes: {@code flights.positions.raw}, keyed by flight. */
@Component
public class RawPositions {

    private final PositionCodec codec;
    private final KafkaProducer<String, byte[]> producer;

    public RawPositions(KafkaClients clients, PositionCodec codec) {
        this.codec = codec;
        this.producer = clients.producer("airlines-sources");
    }

    public Future<RecordMetadata> publish(Position p) {
        return producer.send(new ProducerRecord<>(Topics.POSITIONS_RAW, p.key(), codec.encode(p)));
    }

    /** A record as received (HTTP), so the pipeline validates and, if need be, dead-letters the original bytes. */
    public Future<RecordMetadata> publishRaw(String key, byte[] value) {
        return producer.send(new ProducerRecord<>(Topics.POSITIONS_RAW, key, value));
    }

    public void flush() {
        producer.flush();
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
