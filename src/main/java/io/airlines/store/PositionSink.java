package io.airlines.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.WriteModel;
import io.airlines.stream.ConsumerLag;
import io.airlines.stream.ConsumerLoop;
import io.airlines.stream.DeadLetters;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.RecordIsolation;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes {@code flights.positions} into MongoDB: track buckets in {@code positions} and the latest
 * state in {@code flight_state}. Points collect in memory per bucket and go out in one unordered
 * bulk write per flush; offsets are committed only once MongoDB acknowledged, so a crash replays
 * records, and replayed points merge into their bucket by time (one copy each). When MongoDB
 * fails, the sink stops fetching, retries with backoff and reports it; Kafka keeps the backlog.
 */
@Component
public class PositionSink extends ConsumerLoop {

    public static final String GROUP = "airlines-store";
    private static final Logger log = LoggerFactory.getLogger(PositionSink.class);
    /** Writes per command: the embedded store takes at most 1,000, and the driver cuts a larger bulk anyway. */
    private static final int BULK_CHUNK = 1000;
    /** Writes up to twice this many go out as one command: splitting a small write costs more than it saves. */
    private static final int MIN_CONCURRENT_COMMAND = 250;
    private static final long EVICT_INTERVAL_MS = 10_000;
    private static final long SILENT_MS = 30 * 60_000L;

    /** Why a write goes out: the flush interval passed (or memory filled up), or the sink has read all there is. */
    private enum Pace { DUE, CAUGHT_UP }

    private final KafkaClients clients;
    private final PositionCodec codec;
    private final PipelineMetrics metrics;
    private final StoreSettings settings;
    /** The same collection for the sink's own writes, which it encodes itself ({@link TrackBson}). */
    private final MongoCollection<RawBsonDocument> rawPositions;
    private final MongoCollection<Document> states;
    private final MongoDatabase database;
    private final long spanMs;
    private final String group;
    private final String topic;
    private final OutageBackoff outage = new OutageBackoff();
    private final OffsetLedger offsets = new OffsetLedger();
    private final StateRound stateRound;
    private final BucketReconciler reconciler;
    private final PendingTracks tracks;
    private final SkyFrames frames;
    private ConcurrentBulk bulk;
    private ReadHold reads;
    private KafkaProducer<String, byte[]> deadLetters;
    private long[] pendingTimestamps = new long[1024];
    private int pendingCount;
    private int pendingPoints;
    private long lastFlush = System.currentTimeMillis();
    private long lastEvict;
    private volatile long lag;
    private volatile boolean abandon;

    @Autowired
    public PositionSink(KafkaClients clients, PositionCodec codec, PipelineMetrics metrics, StoreSettings settings,
                        MongoDatabase database) {
        this(clients, codec, metrics, settings, database, GROUP, Topics.POSITIONS);
    }

    /** A sink in its own consumer group on its own topic, e.g. a second store or a benchmark. */
    public PositionSink(KafkaClients clients, PositionCodec codec, PipelineMetrics metrics, StoreSettings settings,
                        MongoDatabase database, String group, String topic) {
        super("airlines-store");
        this.group = group;
        this.topic = topic;
        this.clients = clients;
        this.codec = codec;
        this.metrics = metrics;
        this.settings = settings;
        this.reconciler = new BucketReconciler(database, settings.bucketSpan().toMillis(), metrics);
        this.rawPositions = database.getCollection(TrackIds.COLLECTION, RawBsonDocument.class);
        this.states = database.getCollection(FlightStates.COLLECTION);
        this.frames = new SkyFrames(database);
        this.database = database;
        this.spanMs = settings.bucketSpan().toMillis();
        this.stateRound = new StateRound(settings);
        this.tracks = new PendingTracks(settings);
        metrics.lagFrom(() -> lag);
    }

    @Override
    protected void open() {
        bulk = new ConcurrentBulk(settings.writers(), BULK_CHUNK, MIN_CONCURRENT_COMMAND);
        consumer = clients.consumer(group, "airlines-store");
        deadLetters = clients.producer("airlines-store");
        reads = new ReadHold(consumer, outage);
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Hand over only what is stored; whatever is not yet written is dropped and read
                // again, here or by the partition's next owner, from before the first dropped record.
                // What this process knows of the buckets goes too: their next owner writes to them.
                flushAndCommit();
                reads.rereadKept(dropPending(), partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                reads.assigned(partitions);
            }
        });
    }

    @Override
    protected void step() {
        long now = System.currentTimeMillis();
        if (outage.down()) {
            // Stay in the group without fetching until the store answers again (a hand-over's
            // write may be the one that finds it back).
            reads.putBack(consumer.poll(Duration.ofMillis(200)));
            if (outage.retryDue(now)) {
                flushAndCommit();
            }
            if (!outage.down()) {
                reads.release();
            }
            return;
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(pollWait(now)));
        try {
            RecordIsolation.each(records, this::add, this::deadLetter);
        } catch (KafkaException e) {
            // The DLQ refused a record: read the poll again rather than go on past it. Records
            // already taken come again as copies, which the buckets recognise.
            reads.reread(records);
            throw e;
        }
        now = System.currentTimeMillis();
        boolean due = now >= lastFlush + settings.flushInterval().toMillis() || pendingPoints >= settings.maxPendingPoints();
        if (pendingCount > 0 && (due || now >= caughtUpFlushAt() && caughtUp())) {
            if (!flushInLoop(due ? Pace.DUE : Pace.CAUGHT_UP)) {
                reads.hold();
            }
        }
    }

    /**
     * With (almost) nothing left to read, waiting the whole flush interval only adds latency, so
     * the sink writes as soon as this shorter interval passed. Under load writes take longer, more
     * points gather per bucket meanwhile and each write carries more: the batches grow by
     * themselves. With a backlog the full interval applies, as at saturation.
     */
    private long caughtUpFlushAt() {
        return lastFlush + settings.caughtUpFlushInterval().toMillis();
    }

    /** Less than one poll's worth left: under a steady stream a few records are always in flight. */
    private boolean caughtUp() {
        long behind = behind();
        return behind >= 0 && behind < KafkaClients.MAX_POLL_RECORDS;
    }

    /** Records left to read as of the last fetch (no request to the broker), or -1 when not known. */
    private long behind() {
        // Null while closing: the revoke callback flushes after the loop let go of the consumer.
        var c = consumer;
        if (c == null) {
            return -1;
        }
        long behind = 0;
        for (TopicPartition tp : c.assignment()) {
            OptionalLong lag = c.currentLag(tp);
            if (lag.isEmpty()) {
                return -1;
            }
            behind += lag.getAsLong();
        }
        return behind;
    }

    /** Polls no longer than until the next write may be due, so a quiet topic does not delay it. */
    private long pollWait(long now) {
        if (pendingCount == 0) {
            return 200;
        }
        long due = caughtUp() ? caughtUpFlushAt() : lastFlush + settings.flushInterval().toMillis();
        return Math.max(0, Math.min(200, due - now));
    }

    /** Decodes before it changes anything, so that a record that cannot be read may be tried again. */
    private void add(ConsumerRecord<String, byte[]> r) {
        Position p = codec.decode(r.value());
        metrics.sinkReceived.increment();
        offsets.read(new TopicPartition(r.topic(), r.partition()), r.offset());
        if (pendingCount == pendingTimestamps.length) {
            pendingTimestamps = Arrays.copyOf(pendingTimestamps, pendingCount * 2);
        }
        pendingTimestamps[pendingCount++] = r.timestamp();
        stateRound.offer(p);
        frames.offer(r.partition(), r.offset(), p);
        PendingTracks.Outcome outcome = tracks.offer(p);
        if (outcome == PendingTracks.Outcome.THINNED) {
            metrics.thinned.increment();
            return;
        }
        pendingPoints++;
        if (outcome == PendingTracks.Outcome.COPY) {
            // Redelivered while its first copy still waits in memory: counted, like stored copies.
            metrics.alreadyStored.increment();
        }
    }

    /**
     * Writes everything pending, then commits the offsets and waits for the commit (before a
     * hand-over, at close, after a failure); false (and backoff) when MongoDB failed.
     */
    boolean flushAndCommit() {
        return attempt(() -> {
            if (pendingCount == 0 && outage.down()) {
                // A hand-over dropped what waited: with nothing to write, only an answer ends the outage.
                ping();
            }
            write(Pace.DUE);
            if (offsets.hasCommittable()) {
                consumer.commitSync(offsets.committable());
            }
            settle();
        });
    }

    /**
     * In the loop the offsets of a write are committed without waiting: the write is acknowledged
     * already, and the next commit covers one that failed. Waiting for the broker's answer held up
     * the next write by a round trip, each time.
     */
    private boolean flushInLoop(Pace pace) {
        return attempt(() -> {
            if (write(pace)) {
                consumer.commitAsync(offsets.committable(), this::committed);
            }
            settle();
        });
    }

    private void ping() {
        database.runCommand(new Document("ping", 1));
    }

    private boolean attempt(Runnable flush) {
        try {
            flush.run();
            outage.answered();
            return true;
        } catch (MongoException e) {
            metrics.storeFailures.increment();
            outage.failed(e, System.currentTimeMillis());
            // An unordered bulk write may have been applied in part: learn from the store what it holds.
            tracks.distrust();
            return false;
        }
    }

    /** Writes the pending points and states; true when that made offsets committable that were not. */
    private boolean write(Pace pace) {
        long now = System.currentTimeMillis();
        List<TrackBucket> dirty = tracks.dirty();
        reconciler.reconcile(dirty);
        dirty.removeIf(b -> !b.dirty());
        List<WriteModel<RawBsonDocument>> writes = new ArrayList<>(dirty.size());
        for (TrackBucket b : dirty) {
            writes.add(b.write(spanMs, pace == Pace.CAUGHT_UP));
        }
        bulk(rawPositions, writes);
        StateRound.Writes stateWrites = stateRound.next(now, pace == Pace.CAUGHT_UP ? StateRound.SLICE : Integer.MAX_VALUE);
        bulk(states, stateWrites.models());
        stateRound.written(stateWrites, now);
        frames.flush(now, this::bulk);
        metrics.stored.add(tracks.written());
        return offsets.written();
    }

    /** After an acknowledged write: what waited is stored. */
    private void settle() {
        long acked = System.currentTimeMillis();
        for (int i = 0; i < pendingCount; i++) {
            PipelineMetrics.recordSince(metrics.storeLatency, pendingTimestamps[i], acked);
        }
        pendingCount = 0;
        pendingPoints = 0;
        lastFlush = acked;
        evict(acked);
        updateLag();
    }

    /** Counted, not raised: the next commit carries these offsets too (a rebalance, a broker failing over). */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets, Exception e) {
        if (e != null) {
            metrics.offsetCommitFailures.increment();
            log.debug("An offset commit failed; the next one covers it: {}", e.toString());
        }
    }

    private <T> void bulk(MongoCollection<T> collection, List<WriteModel<T>> writes) {
        metrics.storeWrites.add(bulk.write(collection, writes));
    }

    /** Closed buckets leave memory once written; flights silent for long are forgotten. */
    private void evict(long now) {
        if (now - lastEvict < EVICT_INTERVAL_MS) {
            return;
        }
        lastEvict = now;
        if (tracks.evict(now, SILENT_MS)) {
            stateRound.evict(now, SILENT_MS);
        }
    }

    /**
     * Drops what is not written and what this process knows of the buckets; returns, per
     * partition, the first record dropped, where reading must start again.
     */
    private Map<TopicPartition, Long> dropPending() {
        tracks.drop();
        stateRound.dropPending();
        frames.drop();
        pendingCount = 0;
        pendingPoints = 0;
        return offsets.forget();
    }

    private void updateLag() {
        long behind = behind();
        lag = (behind >= 0 ? behind : ConsumerLag.of(consumer)) + pendingCount;
    }

    /** Null when healthy, else what failed (no secrets: exception type and first line). */
    public String failure() {
        return outage.failure();
    }

    /**
     * Stops as a crash would: points not yet written are dropped and their offsets stay
     * uncommitted, so the next start replays them. For fault drills; {@link #stop()} flushes.
     */
    public void halt() {
        abandon = true;
        stop();
        abandon = false;
    }

    /** A record no sink can store (not a position): to the DLQ, acknowledged before its offset is committed. */
    private void deadLetter(ConsumerRecord<String, byte[]> r, RuntimeException cause) {
        DeadLetters.unhandled(deadLetters, r, cause, "a position", metrics);
        offsets.read(new TopicPartition(r.topic(), r.partition()), r.offset());
    }

    @Override
    protected void close() {
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
        if (consumer != null) {
            // Also with nothing pending: the last commit went out without waiting, and may have failed.
            if ((pendingCount > 0 || offsets.hasCommittable()) && !abandon) {
                flushAndCommit();
            }
            dropPending();
            tracks.forgetFlights();
            stateRound.forgetWritten();
            super.close();
        }
        if (bulk != null) {
            bulk.close();
        }
    }
}
