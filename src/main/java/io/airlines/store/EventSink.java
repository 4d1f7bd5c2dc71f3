package io.airlines.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.airlines.stream.ConsumerLoop;
import io.airlines.stream.DeadLetters;
import io.airlines.stream.ErasureHandover;
import io.airlines.stream.FlightEvent;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.PrivacyBlocklist;
import io.airlines.stream.RecordIsolation;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Copies {@code flights.events} into the {@code events} collection. Event ids are natural
 * (flight, type, time), so a replay's inserts fail as duplicates and change nothing. A record that
 * cannot be read as an event goes to the DLQ and the others of its poll are stored; when the store
 * or the DLQ fails, the poll is read again ({@link ConsumerLoop}).
 */
@Component
class EventSink extends ConsumerLoop {

    public static final String COLLECTION = "events";

    private final KafkaClients clients;
    private final PositionCodec codec;
    private final MongoCollection<Document> events;
    private final PipelineMetrics metrics;
    private final PrivacyBlocklist blocklist;
    private final ErasureHandover erasures = new ErasureHandover();
    private KafkaProducer<String, byte[]> deadLetters;

    public EventSink(KafkaClients clients, PositionCodec codec, MongoDatabase database, PipelineMetrics metrics,
                     PrivacyBlocklist blocklist) {
        super("airlines-events-store");
        this.blocklist = blocklist;
        this.clients = clients;
        this.codec = codec;
        this.events = database.getCollection(COLLECTION);
        this.metrics = metrics;
    }

    @Override
    protected void open() {
        consumer = clients.consumer("airlines-events-store", "airlines-events-store");
        deadLetters = clients.producer("airlines-events-store");
        consumer.subscribe(List.of(Topics.EVENTS));
    }

    @Override
    protected void step() {
        ConsumerRecords<String, byte[]> records = poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
            return;
        }
        // Events are not held between polls: there is nothing to forget, only the write under way to wait for.
        erasures.write(key -> { }, () -> {
            List<Document> inserts = new ArrayList<>();
            RecordIsolation.each(records, r -> keep(codec.decodeEvent(r.value()), inserts), this::deadLetter);
            NewDocuments.insert(events, inserts);
        });
        commitSync();
        settled();
    }

    private void keep(FlightEvent event, List<Document> inserts) {
        if (blocklist.blocks(event.key(), event.callsign())) {
            // Raised before its aircraft was erased: dropped as validation drops its positions now.
            metrics.blocked.increment();
            return;
        }
        inserts.add(toDocument(event));
    }

    /**
     * Returns once no write is under way: the aircraft, blocked before this call, is in no write
     * after it. Called from a request thread.
     */
    void forget(String key) {
        erasures.erased(key);
    }

    /** Waits for the broker's acknowledgement: the record's offset is committed right after. */
    private void deadLetter(ConsumerRecord<String, byte[]> r, RuntimeException cause) {
        DeadLetters.unhandled(deadLetters, r, cause, "an event", metrics);
    }

    @Override
    protected void close() {
        super.close();
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    static Document toDocument(FlightEvent e) {
        return new Document("_id", e.id()).append("type", e.type()).append("key", e.key())
                .append("callsign", e.callsign()).append("time", e.time()).append("at", new Date(e.time()))
                .append("lat", e.lat()).append("lon", e.lon()).append("squawk", e.squawk()).append("detail", e.detail());
    }

    static FlightEvent fromDocument(Document d) {
        return new FlightEvent(d.getString("_id"), d.getString("type"), d.getString("key"), d.getString("callsign"),
                ((Number) d.get("time")).longValue(), d.getDouble("lat"), d.getDouble("lon"), d.getString("squawk"),
                d.getString("detail"));
    }
}
