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
import io.airlines.stream.ErasureHandover;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.PrivacyBlocklist;
import io.airlines.stream.RecordIsolation;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
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
 * fails, the step fails: the loop reads nothing for a backoff, then reads again from the first
 * record not written; the sink reports the outage until the store answers. Kafka keeps the backlog.
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
    private final MongoCollection<RawBsonDocument> states;
    private final MongoDatabase database;
    private final long spanMs;
    private final String group;
    private final String topic;
    private final StoreOutage outage = new StoreOutage();
    private final StateRound stateRound;
    private final BucketReconciler reconciler;
    private final PendingTracks tracks;
    private final SkyFrames frames;
    private final PrivacyBlocklist blocklist;
    private final ErasureHandover erasures = new ErasureHandover();
    private ConcurrentBulk bulk;
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
                        MongoDatabase database, PrivacyBlocklist blocklist) {
        this(clients, codec, metrics, settings, database, GROUP, Topics.POSITIONS, blocklist);
    }

    /** A sink in its own consumer group on its own topic with nothing blocked, e.g. a benchmark's. */
    public PositionSink(KafkaClients clients, PositionCodec codec, PipelineMetrics metrics, StoreSettings settings,
                        MongoDatabase database, String group, String topic) {
        this(clients, codec, metrics, settings, database, group, topic, PrivacyBlocklist.empty());
    }

    /** A sink in its own consumer group on its own topic, e.g. a second store. */
    public PositionSink(KafkaClients clients, PositionCodec codec, PipelineMetrics metrics, StoreSettings settings,
                        MongoDatabase database, String group, String topic, PrivacyBlocklist blocklist) {
        super("airlines-store");
        this.blocklist = blocklist;
        this.group = group;
        this.topic = topic;
        this.clients = clients;
        this.codec = codec;
        this.metrics = metrics;
        this.settings = settings;
        this.reconciler = new BucketReconciler(database, settings.bucketSpan().toMillis(), metrics);
        this.rawPositions = database.getCollection(TrackIds.COLLECTION, RawBsonDocument.class);
        this.states = database.getCollection(FlightStates.COLLECTION, RawBsonDocument.class);
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
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                handOver();
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Read from their committed offsets; while the store is down the loop pauses them again.
            }
        });
    }

    /**
     * Hands over only what is stored: whatever is not written is dropped and read again, here or
     * by the partition's next owner. What this process knows of the buckets goes too: their next
     * owner writes to them.
     */
    private void handOver() {
        if (consumer == null) {
            // Closing: close() wrote what it could.
            return;
        }
        flushAndCommitOrLeave();
        rewind();
    }

    @Override
    protected void step() {
        if (outage.down()) {
            // With nothing to write, only an answer ends the outage: read nothing before it.
            attempt(this::ping);
        }
        long now = System.currentTimeMillis();
        // A record the DLQ refused fails the step: the loop reads it again, with all not yet written.
        RecordIsolation.each(poll(Duration.ofMillis(pollWait(now))), this::add, this::deadLetter);
        now = System.currentTimeMillis();
        boolean due = now >= lastFlush + settings.flushInterval().toMillis() || pendingPoints >= settings.maxPendingPoints();
        if (pendingCount > 0 && (due || now >= caughtUpFlushAt() && caughtUp())) {
            flushInLoop(due ? Pace.DUE : Pace.CAUGHT_UP);
        }
    }

    /** A failed step: the records not written come again, from the first of them. */
    @Override
    protected void rewound() {
        dropPending();
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
        if (blocklist.blocks(p)) {
            // Validated before its aircraft was erased: dropped here as validation drops it now.
            metrics.blocked.increment();
            return;
        }
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
     * Writes everything pending, then commits the offsets read and waits for the commit (before a
     * hand-over, at close); throws when MongoDB failed, committing nothing.
     */
    private void flushAndCommit() {
        attempt(() -> {
            if (pendingCount == 0 && outage.down()) {
                // With nothing to write, only an answer ends the outage.
                ping();
            }
            write(Pace.DUE);
            commitSync();
            settle();
        });
    }

    /**
     * Where a failure cannot be thrown (a rebalance callback, close): it is counted and reported,
     * and what is not written stays uncommitted, to be read again.
     */
    private void flushAndCommitOrLeave() {
        try {
            flushAndCommit();
        } catch (MongoException e) {
            log.debug("Nothing committed, the store failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * In the loop the offsets of a write are committed without waiting: the write is acknowledged
     * already, and the next commit covers one that failed. Waiting for the broker's answer held up
     * the next write by a round trip, each time.
     */
    private void flushInLoop(Pace pace) {
        attempt(() -> {
            write(pace);
            consumer.commitAsync(this::committed);
            settle();
        });
    }

    private void ping() {
        database.runCommand(new Document("ping", 1));
    }

    /** Runs a write; a MongoDB failure is counted, reported and thrown on, so nothing read is committed. */
    private void attempt(Runnable write) {
        try {
            write.run();
            outage.answered();
        } catch (MongoException e) {
            metrics.storeFailures.increment();
            outage.failed(e);
            // An unordered bulk write may have been applied in part: learn from the store what it holds.
            tracks.distrust();
            throw e;
        }
    }

    /**
     * Forgets an erased aircraft, already blocked, which no record read from now on carries: when
     * this returns no write of it is under way, and the next write forgets what waits of it first.
     * Called from a request thread.
     */
    public void forget(String key) {
        erasures.erased(key);
    }

    /** Writes the pending points and states. */
    private void write(Pace pace) {
        erasures.write(this::forgetErased, () -> writePending(pace));
    }

    private void forgetErased(String key) {
        tracks.forget(key);
        stateRound.forget(key);
        frames.forget(key);
    }

    private void writePending(Pace pace) {
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
    }

    /** After an acknowledged write: what waited is stored, and no failure reads it again. */
    private void settle() {
        settled();
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

    /** Drops what is not written and what this process knows of the buckets. */
    private void dropPending() {
        tracks.drop();
        stateRound.dropPending();
        frames.drop();
        pendingCount = 0;
        pendingPoints = 0;
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
    }

    @Override
    protected void close() {
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
        if (consumer != null) {
            if (!abandon) {
                // Also with nothing pending: the last commit went out without waiting, and may have failed.
                flushAndCommitOrLeave();
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
