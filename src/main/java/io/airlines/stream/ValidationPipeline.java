package io.airlines.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raw → validated: reads {@code flights.positions.raw} and the original producer's
 * {@code flight_*} topics, decodes, validates, enriches and detects events, then writes
 * {@code flights.positions} keyed by flight, bad records to the DLQ with their reason and origin,
 * events to {@code flights.events}. Offsets are committed only once every output is acknowledged
 * ({@link Outputs}); when some are not, the records since the last commit are read again with the
 * flights' memory of that commit ({@link FlightMemory}). A record whose handling throws goes to the
 * DLQ ({@link RecordIsolation}) and the rest of its poll goes on.
 */
@Component
public class ValidationPipeline extends ConsumerLoop {

    public static final String GROUP = "airlines-validate";
    static final Pattern INPUTS = Pattern.compile(Pattern.quote(Topics.POSITIONS_RAW) + "|" + Topics.SEED_PATTERN);
    public static final String REASON_HEADER = DeadLetters.REASON_HEADER;
    private static final long COMMIT_INTERVAL_MS = 100;
    private static final Logger log = LoggerFactory.getLogger(ValidationPipeline.class);

    private final KafkaClients clients;
    private final PositionCodec codec;
    private final ReferenceCache references;
    private final PipelineMetrics metrics;
    private final StreamSettings settings;
    private final PrivacyBlocklist blocklist;
    private final FlightMemory memory = new FlightMemory();
    private KafkaProducer<String, byte[]> producer;
    private Outputs outputs;
    private long lastSweep = System.currentTimeMillis();
    private long lastCommit;
    private boolean uncommitted;
    private volatile long lag;

    public ValidationPipeline(KafkaClients clients, PositionCodec codec, ReferenceCache references,
                              PipelineMetrics metrics, StreamSettings settings, PrivacyBlocklist blocklist) {
        super("airlines-validate");
        this.clients = clients;
        this.codec = codec;
        this.references = references;
        this.metrics = metrics;
        this.settings = settings;
        this.blocklist = blocklist;
        metrics.validateLagFrom(() -> lag);
    }

    @Override
    protected void open() {
        consumer = clients.consumer(GROUP, "airlines-validate");
        // Each compressed batch costs 128 KiB of fresh buffers (Kafka's LZ4 stream): at the default
        // linger a batch per partition every 20 ms made 60 % of this thread's allocations at world
        // scale. The commit flushes every COMMIT_INTERVAL_MS anyway, so batches wait for it.
        producer = clients.producer("airlines-validate", (int) COMMIT_INTERVAL_MS);
        outputs = new Outputs(producer, metrics);
        consumer.subscribe(INPUTS);
    }

    @Override
    protected void step() {
        ConsumerRecords<String, byte[]> records = poll(Duration.ofMillis(200));
        long now = System.currentTimeMillis();
        ReferenceData ref = references.current();
        metrics.in.add(records.count());
        RecordIsolation.each(records, r -> handle(r, now, ref), this::unhandled);
        if (now - lastSweep >= 5000) {
            sweepSilent(now);
            lag = ConsumerLag.of(consumer);
            lastSweep = now;
        }
        uncommitted |= !records.isEmpty();
        // Committing after every poll would close a compressed batch per partition each time (a
        // 64 KiB buffer each, hundreds a second at 25,000 records/s); the linger batches instead.
        if ((uncommitted || outputs.pending()) && (records.isEmpty() || now - lastCommit >= COMMIT_INTERVAL_MS)) {
            outputs.awaitAcks();
            commitSync();
            memory.checkpoint();
            settled();
            uncommitted = false;
            lastCommit = now;
        }
    }

    @Override
    protected void rewound() {
        memory.rollback();
        if (outputs != null) {
            outputs.forget();
        }
        uncommitted = false;
    }

    /** Decides everything first, then sends, then remembers: a retry after a throw only sends again. */
    private void handle(ConsumerRecord<String, byte[]> r, long now, ReferenceData ref) {
        String defaultSource = r.topic().startsWith("flight_") ? Position.SEED : Position.HTTP;
        PositionCodec.Decoded decoded = codec.decodeRaw(r.value(), defaultSource);
        if (!decoded.ok()) {
            deadLetter(r, decoded.reason());
            return;
        }
        Position candidate = decoded.position();
        if (blocklist.blocks(candidate)) {
            // Dropped before anything is stored, streamed or shown (even as a dead letter); only the count remains.
            metrics.blocked.increment();
            return;
        }
        Position previous = memory.last(candidate.key());
        PositionRules.Verdict verdict = PositionRules.check(candidate, previous, now);
        switch (verdict.outcome()) {
            case REJECT -> deadLetter(r, verdict.reason());
            case DUPLICATE -> metrics.duplicates.increment();
            default -> accept(r, candidate, previous, verdict, now, ref);
        }
    }

    private void accept(ConsumerRecord<String, byte[]> r, Position candidate, Position previous,
                        PositionRules.Verdict verdict, long now, ReferenceData ref) {
        boolean jump = verdict.outcome() == PositionRules.Outcome.FLAG_JUMP;
        Position p = Enrichment.enrich(candidate.withReceived(now, jump ? "jump" : null), previous, ref);
        if (blocklist.blocks(p)) {
            // A callsign enrichment derived (from a flight number and airline) may be the blocked one.
            metrics.blocked.increment();
            return;
        }
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(2);
        // The original record's timestamp travels on, so latency is measured from the source.
        out.add(new ProducerRecord<>(Topics.POSITIONS, null, r.timestamp(), p.key(), codec.encode(p)));
        List<FlightEvent> events = EventRules.detect(previous, p, ref);
        for (FlightEvent e : events) {
            out.add(event(e));
        }
        out.forEach(o -> outputs.send(r, o));
        memory.accepted(p);
        if (jump) {
            metrics.flagged.increment();
        }
        metrics.valid.increment();
        metrics.events.add(events.size());
    }

    private ProducerRecord<String, byte[]> event(FlightEvent e) {
        return new ProducerRecord<>(Topics.EVENTS, e.key(), codec.encodeEvent(e));
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, String reason) {
        outputs.send(r, DeadLetters.of(r, reason));
        metrics.dlq.increment();
    }

    private void unhandled(ConsumerRecord<String, byte[]> r, RuntimeException cause) {
        log.warn("{}-{}@{} could not be handled, it goes to the DLQ: {}", r.topic(), r.partition(), r.offset(), cause.toString());
        metrics.unhandled.increment();
        deadLetter(r, RecordIsolation.reason(cause));
    }

    /** Airborne flights silent for the signal-lost delay make one event; long-gone ones are forgotten. */
    private void sweepSilent(long now) {
        for (Position p : memory.newlySilent(now, settings.signalLostAfter().toMillis())) {
            outputs.send(null, event(EventRules.signalLost(p, now - p.received())));
            metrics.events.increment();
        }
    }

    @Override
    protected void close() {
        super.close();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

}
