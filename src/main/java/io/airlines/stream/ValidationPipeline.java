package io.airlines.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.stereotype.Component;

/**
 * Raw → validated: reads {@code flights.positions.raw} and the original producer's
 * {@code flight_*} topics, decodes, validates, enriches and detects events, then writes
 * {@code flights.positions} keyed by flight, bad records to the DLQ with their reason and origin,
 * events to {@code flights.events}. Offsets are committed after the outputs are acknowledged.
 */
@Component
public class ValidationPipeline extends ConsumerLoop {

    public static final String GROUP = "airlines-validate";
    static final Pattern INPUTS = Pattern.compile(Pattern.quote(Topics.POSITIONS_RAW) + "|" + Topics.SEED_PATTERN);
    public static final String REASON_HEADER = "dlq.reason";
    private static final long COMMIT_INTERVAL_MS = 100;

    private final KafkaClients clients;
    private final PositionCodec codec;
    private final ReferenceCache references;
    private final PipelineMetrics metrics;
    private final StreamSettings settings;
    private final PrivacyBlocklist blocklist;
    private final Map<String, Position> last = new HashMap<>();
    private final Set<String> silent = new HashSet<>();
    private KafkaProducer<String, byte[]> producer;
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
        producer = clients.producer("airlines-validate");
        consumer.subscribe(INPUTS);
    }

    @Override
    protected void step() {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        long now = System.currentTimeMillis();
        ReferenceData ref = references.current();
        for (ConsumerRecord<String, byte[]> r : records) {
            handle(r, now, ref);
        }
        if (now - lastSweep >= 5000) {
            sweepSilent(now);
            lag = ConsumerLag.of(consumer);
            lastSweep = now;
        }
        uncommitted |= !records.isEmpty();
        // Committing after every poll closed a compressed batch per partition each time (a
        // 64 KiB buffer each, hundreds a second at 25,000 records/s); the linger batches instead.
        if (uncommitted && (records.isEmpty() || now - lastCommit >= COMMIT_INTERVAL_MS)) {
            producer.flush();
            consumer.commitSync();
            uncommitted = false;
            lastCommit = now;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r, long now, ReferenceData ref) {
        metrics.in.increment();
        String defaultSource = r.topic().startsWith("flight_") ? Position.SEED : Position.HTTP;
        PositionCodec.Decoded decoded = codec.decodeRaw(r.value(), defaultSource);
        if (!decoded.ok()) {
            deadLetter(r, decoded.reason());
            return;
        }
        Position candidate = decoded.position();
        if (blocklist.blocks(candidate.key(), candidate.callsign())) {
            // Dropped before anything is stored, streamed or shown; only the count remains.
            metrics.blocked.increment();
            return;
        }
        Position previous = last.get(candidate.key());
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
        if (jump) {
            metrics.flagged.increment();
        }
        Position p = Enrichment.enrich(candidate.withReceived(now, jump ? "jump" : null), previous, ref);
        if (previous == null || p.time() > previous.time()) {
            last.put(p.key(), p);
            silent.remove(p.key());
        }
        metrics.valid.increment();
        // The original record's timestamp travels on, so latency is measured from the source.
        producer.send(new ProducerRecord<>(Topics.POSITIONS, null, r.timestamp(), p.key(), codec.encode(p)));
        List<FlightEvent> events = EventRules.detect(previous, p);
        for (FlightEvent e : events) {
            emit(e);
        }
    }

    private void emit(FlightEvent e) {
        metrics.events.increment();
        producer.send(new ProducerRecord<>(Topics.EVENTS, e.key(), codec.encodeEvent(e)));
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, String reason) {
        metrics.dlq.increment();
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dlq.topic", r.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dlq.partition", String.valueOf(r.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dlq.offset", String.valueOf(r.offset()).getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(Topics.POSITIONS_DLQ, null, r.key(), r.value(), headers));
    }

    /** Airborne flights silent for the signal-lost delay make one event; long-gone ones are forgotten. */
    private void sweepSilent(long now) {
        long lostAfter = settings.signalLostAfter().toMillis();
        boolean emitted = false;
        for (Iterator<Position> it = last.values().iterator(); it.hasNext(); ) {
            Position p = it.next();
            long silence = now - p.received();
            if (silence > 10 * lostAfter) {
                it.remove();
                silent.remove(p.key());
            } else if (silence > lostAfter && p.airborne() && !"ground".equals(p.phase()) && silent.add(p.key())) {
                emit(EventRules.signalLost(p, silence));
                emitted = true;
            }
        }
        if (emitted) {
            producer.flush();
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
