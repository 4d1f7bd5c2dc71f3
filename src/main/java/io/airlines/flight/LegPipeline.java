package io.airlines.flight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import io.airlines.stream.ConsumerLoop;
import io.airlines.stream.DeadLetters;
import io.airlines.stream.ErasureHandover;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.PrivacyBlocklist;
import io.airlines.stream.RecordIsolation;
import io.airlines.stream.ReferenceCache;
import io.airlines.stream.ReferenceData;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cuts {@code flights.positions} into legs ({@link LegCutter}) in its own consumer group and
 * writes the changed legs and cursors in batches; offsets are committed only once the store
 * acknowledged them. A transponder this process does not know yet is read back from its cursor
 * first, so a restart or a rebalance continues its leg. When the store fails, the loop goes back
 * to the last commit, forgets what it built since and retries with backoff ({@link ConsumerLoop}):
 * what is read again meets the state the store holds, and points already applied change nothing.
 * A position that cannot be cut goes to the DLQ with the reason.
 */
@Component
class LegPipeline extends ConsumerLoop {

    static final String GROUP = "airlines-legs";
    private static final long SWEEP_INTERVAL_MS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(LegPipeline.class);

    private final KafkaClients clients;
    private final PositionCodec codec;
    private final ReferenceCache references;
    private final PipelineMetrics metrics;
    private final LegStore legs;
    private final LegCursors cursors;
    private final long flushIntervalMs;
    private final PrivacyBlocklist blocklist;
    private final LegCutter cutter = new LegCutter();
    private final ErasureHandover erasures = new ErasureHandover();
    private KafkaProducer<String, byte[]> deadLetters;
    private boolean unwritten;
    /** Set when partitions are assigned (or the loop rewound): the open legs of the store are to be taken up. */
    private boolean openLegsToResume;
    private long lastFlush;
    private long lastSweep;
    /** The latest position time applied: silence is measured on it while positions keep coming. */
    private long clock;

    LegPipeline(KafkaClients clients, PositionCodec codec, ReferenceCache references, PipelineMetrics metrics,
                MongoDatabase database, LegStore legs, LegSettings settings, PrivacyBlocklist blocklist) {
        super(GROUP);
        this.blocklist = blocklist;
        this.clients = clients;
        this.codec = codec;
        this.references = references;
        this.metrics = metrics;
        this.legs = legs;
        this.cursors = new LegCursors(database);
        this.flushIntervalMs = settings.flushInterval().toMillis();
    }

    @Override
    protected void open() {
        consumer = clients.consumer(GROUP, GROUP);
        deadLetters = clients.producer(GROUP);
        consumer.subscribe(List.of(Topics.POSITIONS), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Hand over what is applied, then forget it: the next owner of a partition reads
                // its transponders back from the store, and so does this process if it keeps it.
                flush();
                cutter.forget();
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                openLegsToResume = true;
            }
        });
    }

    @Override
    protected void step() {
        ConsumerRecords<String, byte[]> records = poll(Duration.ofMillis(200));
        if (openLegsToResume) {
            resumeOpenLegs();
        }
        resume(records);
        ReferenceData ref = references.current();
        RecordIsolation.each(records, r -> apply(r, ref), this::deadLetter);
        unwritten |= !records.isEmpty();
        long now = System.currentTimeMillis();
        if (now - lastSweep >= SWEEP_INTERVAL_MS) {
            // Caught up, the wall clock tells silence too, or legs would stay open while nothing comes.
            cutter.sweep(records.isEmpty() ? Math.max(clock, now) : clock);
            lastSweep = now;
            unwritten = true;
        }
        if (unwritten && (records.isEmpty() || now - lastFlush >= flushIntervalMs)) {
            flush();
        }
    }

    /**
     * Takes up the open legs of this process's partitions from the store: an aircraft silent since
     * before a restart or a rebalance sends nothing that would bring its track back, and its leg
     * would stay open (in the air, in history) for good. Known, the sweep closes it as any silent one.
     */
    private void resumeOpenLegs() {
        Set<Integer> mine = new HashSet<>();
        for (TopicPartition tp : consumer.assignment()) {
            if (tp.topic().equals(Topics.POSITIONS)) {
                mine.add(tp.partition());
            }
        }
        if (!mine.isEmpty()) {
            int partitions = consumer.partitionsFor(Topics.POSITIONS).size();
            for (TransponderTrack t : cursors.withOpenLeg()) {
                String key = t.transponder();
                if (mine.contains(Topics.partitionOf(key, partitions)) && !cutter.knows(key) && !blocklist.blocks(key, null)) {
                    cutter.resume(t);
                }
            }
        }
        openLegsToResume = false;
    }

    /** Reads back the cursors of the transponders of a poll that this process does not know (erased ones aside), in one query. */
    private void resume(ConsumerRecords<String, byte[]> records) {
        Set<String> unknown = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() != null && !cutter.knows(r.key()) && !blocklist.blocks(r.key(), null)) {
                unknown.add(r.key());
            }
        }
        cursors.read(unknown).forEach(cutter::resume);
    }

    /**
     * A record that is not a position is counted and skipped: the store sink, which reads the same
     * topic, sends it to the DLQ, and a second dead letter of it would only be a copy. A position
     * whose cutting fails goes to the DLQ from here ({@link #deadLetter}).
     */
    private void apply(ConsumerRecord<String, byte[]> r, ReferenceData ref) {
        Position p;
        try {
            p = codec.decode(r.value());
        } catch (RuntimeException e) {
            metrics.unhandled.increment();
            log.warn("{}-{}@{} is not a position, skipped by leg cutting: {}", r.topic(), r.partition(), r.offset(),
                    e.toString());
            return;
        }
        if (blocklist.blocks(p)) {
            // Validated before its aircraft was erased: dropped here as validation drops it now.
            return;
        }
        cutter.apply(p, ref);
        clock = Math.max(clock, p.time());
    }

    /**
     * Drops an erased transponder from leg cutting: when this returns, no write of it is under way,
     * and the next flush forgets it before writing anything. Called from a request thread.
     */
    void forget(String transponder) {
        erasures.erased(transponder);
    }

    /** Writes the changed legs, then the cursors, then commits: a crash in between reads again what a cursor lacks. */
    private void flush() {
        erasures.write(cutter::forget, this::write);
    }

    private void write() {
        List<TransponderTrack> changed = cutter.changed();
        List<FlightLeg> withNewKeys = new ArrayList<>();
        List<FlightLeg> withKnownKeys = new ArrayList<>();
        List<String> staleKeys = new ArrayList<>();
        List<String> noFlights = new ArrayList<>();
        for (TransponderTrack t : changed) {
            for (FlightLeg leg : t.unsaved()) {
                (t.keysSaved(leg) ? withKnownKeys : withNewKeys).add(leg);
            }
            staleKeys.addAll(t.staleKeys());
            noFlights.addAll(t.dropped());
        }
        legs.save(withNewKeys);
        legs.replace(withKnownKeys);
        legs.deleteKeys(staleKeys);
        legs.deleteNoFlights(noFlights);
        cursors.save(changed);
        changed.forEach(TransponderTrack::saved);
        if (consumer != null) {
            commitSync();
        }
        settled();
        unwritten = false;
        lastFlush = System.currentTimeMillis();
    }

    @Override
    protected void rewound() {
        cutter.forget();
        unwritten = false;
        openLegsToResume = true;
    }

    /** Waits for the broker's acknowledgement: the record's offset is committed with the next write. */
    private void deadLetter(ConsumerRecord<String, byte[]> r, RuntimeException cause) {
        log.warn("{}-{}@{} could not be cut into legs, it goes to the DLQ: {}", r.topic(), r.partition(), r.offset(),
                cause.toString());
        metrics.unhandled.increment();
        DeadLetters.sendAndWait(deadLetters, r, cause);
        metrics.dlq.increment();
    }

    @Override
    protected void close() {
        try {
            if (consumer != null && unwritten) {
                flush();
            }
        } catch (RuntimeException e) {
            log.warn("Legs not written at close, they are read again at the next start: {}", e.toString());
        }
        cutter.forget();
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
        super.close();
    }
}
