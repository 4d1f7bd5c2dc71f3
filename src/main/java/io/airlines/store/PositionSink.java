package io.airlines.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.airlines.stream.ConsumerLag;
import io.airlines.stream.ConsumerLoop;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    public static final String POSITIONS = "positions";
    private static final Logger log = LoggerFactory.getLogger(PositionSink.class);
    /**
     * Writes per command: the embedded store takes at most 1,000 (MongoDB 100,000) and the driver
     * cuts a larger bulk into commands of that size anyway, each committed on its own.
     */
    private static final int BULK_CHUNK = 1000;
    private static final int STATE_SLICE = 200;
    private static final int RANGE_CHUNK = 100;
    /** Writes up to twice this many go out as one command: splitting a small write costs more than it saves. */
    private static final int MIN_CONCURRENT_COMMAND = 250;
    private static final long EVICT_INTERVAL_MS = 10_000;

    private final KafkaClients clients;
    private final PositionCodec codec;
    private final PipelineMetrics metrics;
    private final StoreSettings settings;
    private final MongoCollection<Document> positions;
    /** The same collection for the sink's own writes, which it encodes itself ({@link TrackBson}). */
    private final MongoCollection<RawBsonDocument> rawPositions;
    private final MongoCollection<Document> states;
    private final long spanMs;
    private final String group;
    private final String topic;
    private ConcurrentBulk bulk;

    private final Map<String, TrackBucket> buckets = new HashMap<>();
    /**
     * Buckets with points not yet written, and flights whose state was never written, kept as
     * they arrive: once caught up the sink writes every few tens of milliseconds, and scanning
     * every open bucket and state each time cost more than the writes at 25,000 flights.
     */
    private final List<TrackBucket> dirtyBuckets = new ArrayList<>();
    private final Set<String> firstStates = new LinkedHashSet<>();
    private final Map<String, TrackPoint> lastKept = new HashMap<>();
    private final TreeMap<String, Position> pendingStates = new TreeMap<>();
    private final Map<String, Long> stateWritten = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> pendingOffsets = new HashMap<>();
    /** The offsets of everything written, by partition: every commit carries them all, so a failed one is made good by the next. */
    private final Map<TopicPartition, OffsetAndMetadata> writtenOffsets = new HashMap<>();
    private long[] pendingTimestamps = new long[1024];
    private int pendingCount;
    private int pendingPoints;
    private long lastFlush = System.currentTimeMillis();
    private long lastStateRound;
    private long lastEvict;
    /** Where the state round in progress goes on (a key), or null when none is. */
    private String roundFrom;
    private long retryAt;
    private long backoff = 1000;
    private volatile String failure;
    private volatile long lag;
    private volatile boolean abandon;

    @org.springframework.beans.factory.annotation.Autowired
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
        this.positions = database.getCollection(POSITIONS);
        this.rawPositions = database.getCollection(POSITIONS, RawBsonDocument.class);
        this.states = database.getCollection(FlightStates.COLLECTION);
        this.spanMs = settings.bucketSpan().toMillis();
        metrics.lagFrom(() -> lag);
    }

    @Override
    protected void open() {
        bulk = new ConcurrentBulk(settings.writers(), BULK_CHUNK, MIN_CONCURRENT_COMMAND);
        consumer = clients.consumer(group, "airlines-store");
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Hand over only what is stored; whatever is not yet written is dropped and replayed.
                // What this process knows of the buckets goes too: their next owner writes to them.
                tryFlush();
                discardPending();
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        });
    }

    @Override
    protected void step() {
        long now = System.currentTimeMillis();
        if (failure != null) {
            // Stay in the group without fetching until the store answers again.
            consumer.poll(Duration.ofMillis(200));
            if (now >= retryAt && tryFlush()) {
                consumer.resume(consumer.assignment());
            }
            return;
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(pollWait(now)));
        for (ConsumerRecord<String, byte[]> r : records) {
            add(r);
        }
        now = System.currentTimeMillis();
        boolean due = now >= lastFlush + settings.flushInterval().toMillis() || pendingPoints >= settings.maxPendingPoints();
        if (pendingCount > 0 && (due || now >= caughtUpFlushAt() && caughtUp())) {
            if (!tryFlush(!due, false)) {
                consumer.pause(consumer.assignment());
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
        KafkaConsumer<String, byte[]> c = consumer;
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

    private void add(ConsumerRecord<String, byte[]> r) {
        Position p = codec.decode(r.value());
        metrics.sinkReceived.increment();
        pendingOffsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        if (pendingCount == pendingTimestamps.length) {
            pendingTimestamps = java.util.Arrays.copyOf(pendingTimestamps, pendingCount * 2);
        }
        pendingTimestamps[pendingCount++] = r.timestamp();
        Position latest = pendingStates.get(p.key());
        if (latest == null || p.time() >= latest.time()) {
            pendingStates.put(p.key(), p);
        }
        if (latest == null && !stateWritten.containsKey(p.key())) {
            firstStates.add(p.key());
        }
        TrackPoint point = TrackPoint.of(p);
        if (!settings.full() && !TrackThinning.keep(lastKept.get(p.key()), point)) {
            metrics.thinned.increment();
            return;
        }
        lastKept.put(p.key(), point);
        long start = TrackIds.startOf(p.time(), spanMs);
        TrackBucket bucket = buckets.computeIfAbsent(TrackIds.bucket(p.key(), start), id -> new TrackBucket(p.key(), start));
        pendingPoints++;
        boolean wasDirty = bucket.dirty();
        if (bucket.add(point)) {
            if (!wasDirty) {
                dirtyBuckets.add(bucket);
            }
        } else {
            // Redelivered while its first copy still waits in memory: counted, like stored copies.
            metrics.alreadyStored.increment();
        }
    }

    /**
     * Writes everything pending, then commits the offsets and waits for the commit (before a
     * hand-over, at close, after a failure); false (and backoff) when MongoDB failed.
     */
    boolean tryFlush() {
        return tryFlush(false, true);
    }

    /**
     * In the loop the offsets of a write are committed without waiting: the write is acknowledged
     * already, and the next commit covers one that failed. Waiting for the broker's answer held up
     * the next write by a round trip, each time.
     */
    private boolean tryFlush(boolean early, boolean awaitCommit) {
        try {
            flush(early, awaitCommit);
            if (failure != null) {
                log.info("MongoDB answers again; the store sink resumes");
            }
            failure = null;
            backoff = 1000;
            return true;
        } catch (MongoException e) {
            metrics.storeFailures.increment();
            if (failure == null) {
                log.warn("MongoDB write failed, the store sink pauses and retries with backoff: {}", e.getClass().getSimpleName());
            }
            failure = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
            // An unordered bulk write may have been applied in part: learn from the store what it holds.
            for (TrackBucket b : dirtyBuckets) {
                b.distrust();
            }
            retryAt = System.currentTimeMillis() + backoff;
            backoff = Math.min(backoff * 2, 30_000);
            return false;
        }
    }

    private void flush(boolean early, boolean awaitCommit) {
        long now = System.currentTimeMillis();
        List<TrackBucket> dirty = dirtyBuckets;
        mergeStored(dirty);
        dirty.removeIf(b -> !b.dirty());
        List<WriteModel<RawBsonDocument>> writes = new ArrayList<>(dirty.size());
        for (TrackBucket b : dirty) {
            writes.add(b.write(spanMs, early));
        }
        bulk(rawPositions, writes);
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        // States are refreshed in one round per interval rather than each on its own timer: the
        // store rewrites every page an update touches, and one round touches each page once. A
        // write made early (the sink caught up) carries only a slice of the round, in key order,
        // so that it stays short; the next ones go on from there.
        List<WriteModel<Document>> stateWrites = new ArrayList<>();
        for (String key : firstStates) {
            stateWrites.add(stateWrite(pendingStates.get(key), upsert));
        }
        if (roundFrom == null && now - lastStateRound >= settings.stateInterval().toMillis() - settings.flushInterval().toMillis()) {
            roundFrom = "";
        }
        String resume = null;
        if (roundFrom != null) {
            int budget = early ? STATE_SLICE : Integer.MAX_VALUE;
            for (Position p : pendingStates.tailMap(roundFrom, true).values()) {
                if (!stateWritten.containsKey(p.key())) {
                    continue;
                }
                if (budget-- == 0) {
                    resume = p.key();
                    break;
                }
                stateWrites.add(stateWrite(p, upsert));
            }
        }
        bulk(states, stateWrites);
        if (roundFrom != null) {
            roundFrom = resume;
            if (resume == null) {
                lastStateRound = now;
            }
        }
        for (TrackBucket b : dirty) {
            metrics.stored.add(b.written());
        }
        dirty.clear();
        firstStates.clear();
        for (WriteModel<Document> w : stateWrites) {
            String key = (String) ((ReplaceOneModel<Document>) w).getReplacement().get("_id");
            stateWritten.put(key, now);
            pendingStates.remove(key);
        }
        writtenOffsets.putAll(pendingOffsets);
        if (!writtenOffsets.isEmpty() && (awaitCommit || !pendingOffsets.isEmpty())) {
            if (awaitCommit) {
                consumer.commitSync(writtenOffsets);
            } else {
                consumer.commitAsync(new HashMap<>(writtenOffsets), this::committed);
            }
        }
        long acked = System.currentTimeMillis();
        for (int i = 0; i < pendingCount; i++) {
            metrics.storeLatency.record(acked - pendingTimestamps[i]);
        }
        pendingOffsets.clear();
        pendingCount = 0;
        pendingPoints = 0;
        lastFlush = acked;
        evict(now);
        updateLag();
    }

    /** Counted, not raised: the next commit carries these offsets too (a rebalance, a broker failing over). */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets, Exception e) {
        if (e != null) {
            metrics.offsetCommitFailures.increment();
            log.debug("An offset commit failed; the next one covers it: {}", e.toString());
        }
    }

    private static WriteModel<Document> stateWrite(Position p, ReplaceOptions upsert) {
        return new ReplaceOneModel<>(Filters.eq("_id", p.key()), StateDocuments.toDocument(p), upsert);
    }

    /**
     * Buckets this process has not seen yet may already hold points (a replay): read their segments
     * first. Most are new: one lookup of their first documents by {@code _id} tells. The segments of
     * the others are read by ranges, in small chunks: the store matches each document it finds
     * against every range of the query.
     */
    private void mergeStored(List<TrackBucket> dirty) {
        List<TrackBucket> present = new ArrayList<>();
        List<TrackBucket> unknown = new ArrayList<>();
        for (TrackBucket b : dirty) {
            if (!b.loaded) {
                unknown.add(b);
            }
        }
        for (int i = 0; i < unknown.size(); i += BULK_CHUNK) {
            List<TrackBucket> chunk = unknown.subList(i, Math.min(unknown.size(), i + BULK_CHUNK));
            Set<String> found = new HashSet<>();
            positions.find(Filters.in("_id", chunk.stream().map(TrackBucket::id).toList()))
                    .projection(Projections.include("_id")).forEach(d -> found.add(d.getString("_id")));
            for (TrackBucket b : chunk) {
                if (found.contains(b.id())) {
                    present.add(b);
                } else {
                    count(b.load(List.of()));
                }
            }
        }
        for (int i = 0; i < present.size(); i += RANGE_CHUNK) {
            List<TrackBucket> chunk = present.subList(i, Math.min(present.size(), i + RANGE_CHUNK));
            Map<String, List<Document>> segments = new HashMap<>();
            for (TrackBucket b : chunk) {
                segments.put(b.id(), new ArrayList<>(2));
            }
            for (Document d : positions.find(TrackIds.anyOf(segments.keySet())).projection(Projections.include("points.t"))) {
                // A range may also hold a bucket whose start has more digits (flight|100 … flight|1000).
                List<Document> own = segments.get(TrackIds.bucketOf(d.getString("_id")));
                if (own != null) {
                    own.add(d);
                }
            }
            for (TrackBucket b : chunk) {
                count(b.load(segments.get(b.id())));
            }
        }
    }

    private void count(TrackBucket.Reconciled r) {
        metrics.stored.add(r.writtenBefore());
        metrics.alreadyStored.add(r.replayed());
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
        long openFrom = TrackIds.startOf(now, spanMs) - spanMs;
        buckets.values().removeIf(b -> !b.dirty() && b.start < openFrom);
        if (lastKept.size() > buckets.size() * 2 + 1000) {
            lastKept.values().removeIf(p -> now - p.time() > 30 * 60_000L);
            stateWritten.values().removeIf(t -> now - t > 30 * 60_000L);
        }
    }

    private void discardPending() {
        buckets.clear();
        dirtyBuckets.clear();
        firstStates.clear();
        pendingStates.clear();
        roundFrom = null;
        pendingOffsets.clear();
        writtenOffsets.clear();
        pendingCount = 0;
        pendingPoints = 0;
    }

    private void updateLag() {
        long behind = behind();
        lag = (behind >= 0 ? behind : ConsumerLag.of(consumer)) + pendingCount;
    }

    /** The id of the track document that holds a flight's point at {@code time}: tracks are read by it. */
    public static String bucketId(String key, long time, Duration bucketSpan) {
        return TrackIds.bucket(key, TrackIds.startOf(time, bucketSpan.toMillis()));
    }

    /** The times of a track document's points, in stored order: a point stored twice shows twice. */
    public static long[] pointTimes(Document trackDocument) {
        if (!(trackDocument.get("points") instanceof List<?> points)) {
            return new long[0];
        }
        long[] times = new long[points.size()];
        int n = 0;
        for (Object o : points) {
            if (o instanceof Document d && d.get("t") instanceof Number t) {
                times[n++] = t.longValue();
            }
        }
        return n == times.length ? times : java.util.Arrays.copyOf(times, n);
    }

    /** Null when healthy, else what failed (no secrets: exception type and first line). */
    public String failure() {
        return failure;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
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

    @Override
    protected void close() {
        if (consumer != null) {
            // Also with nothing pending: the last commit went out without waiting, and may have failed.
            if ((pendingCount > 0 || !writtenOffsets.isEmpty()) && !abandon) {
                tryFlush();
            }
            discardPending();
            lastKept.clear();
            stateWritten.clear();
            super.close();
        }
        if (bulk != null) {
            bulk.close();
        }
    }

}
