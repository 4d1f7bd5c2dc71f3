package io.airlines.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.airlines.stream.Position;

/**
 * The points the sink read and has not written yet, in their track buckets, and what it knows
 * each open bucket holds in the store.
 */
final class PendingTracks {

    /** What became of a point offered. */
    enum Outcome {
        /** Waits in its bucket for the next write. */
        KEPT,
        /** Dropped by the thinning rule: nothing changed since the last point kept. */
        THINNED,
        /** Redelivered while its first copy still waits in memory or is stored. */
        COPY
    }

    private final long spanMs;
    private final boolean full;
    private final Map<String, TrackBucket> buckets = new HashMap<>();
    /**
     * Buckets with points not yet written, kept as they arrive: once caught up the sink writes
     * every few tens of milliseconds, and scanning every open bucket each time cost more than the
     * writes at 25,000 flights.
     */
    private final List<TrackBucket> dirty = new ArrayList<>();
    private final Map<String, TrackPoint> lastKept = new HashMap<>();
    /**
     * For each flight whose last kept point changed since the last write, the one before (null
     * for none): points dropped unwritten come again and must be thinned as the first time, not
     * against themselves.
     */
    private final Map<String, TrackPoint> keptAtWrite = new HashMap<>();
    /**
     * Buckets a failed write carried, dropped since: when their points come again, what the
     * store holds of them was written by that write, not replayed.
     */
    private final Set<String> unsure = new HashSet<>();

    PendingTracks(StoreSettings settings) {
        this.spanMs = settings.bucketSpan().toMillis();
        this.full = settings.full();
    }

    Outcome offer(Position p) {
        TrackPoint point = TrackPoint.of(p);
        if (!full && !TrackThinning.keep(lastKept.get(p.key()), point)) {
            return Outcome.THINNED;
        }
        TrackPoint before = lastKept.put(p.key(), point);
        if (!keptAtWrite.containsKey(p.key())) {
            keptAtWrite.put(p.key(), before);
        }
        long start = TrackIds.startOf(p.time(), spanMs);
        TrackBucket bucket = buckets.computeIfAbsent(TrackIds.bucket(p.key(), start), id -> bucket(id, p.key(), start));
        boolean wasDirty = bucket.dirty();
        if (!bucket.add(point)) {
            return Outcome.COPY;
        }
        if (!wasDirty) {
            dirty.add(bucket);
        }
        return Outcome.KEPT;
    }

    private TrackBucket bucket(String id, String key, long start) {
        TrackBucket bucket = new TrackBucket(key, start);
        if (unsure.remove(id)) {
            bucket.distrust();
        }
        return bucket;
    }

    /** The buckets with points to write; the list is the tracker's own, cleared by {@link #written()}. */
    List<TrackBucket> dirty() {
        // In about _id order: each of the store's commits rewrites every page its writes touched, so
        // the commands of one write (and other writers' commits meanwhile) should touch neighbouring pages.
        dirty.sort(TrackBucket.ID_ORDER);
        return dirty;
    }

    /** The last write failed, perhaps half applied: every bucket it carried reads what the store holds first. */
    void distrust() {
        for (TrackBucket b : dirty) {
            b.distrust();
            unsure.add(b.id());
        }
    }

    /** The store acknowledged the write of every dirty bucket; returns how many points it took. */
    long written() {
        long points = 0;
        for (TrackBucket b : dirty) {
            points += b.written();
        }
        dirty.clear();
        keptAtWrite.clear();
        return points;
    }

    /** Drops the points not written and what this process knows of the buckets: their next owner writes to them. */
    void drop() {
        buckets.clear();
        dirty.clear();
        keptAtWrite.forEach((key, point) -> {
            if (point == null) {
                lastKept.remove(key);
            } else {
                lastKept.put(key, point);
            }
        });
        keptAtWrite.clear();
    }

    /** An erased aircraft: its points not written and all that is known of its buckets go. */
    void forget(String key) {
        buckets.values().removeIf(b -> b.key.equals(key));
        dirty.removeIf(b -> b.key.equals(key));
        lastKept.remove(key);
        keptAtWrite.remove(key);
        unsure.removeIf(id -> id.startsWith(key + "|"));
    }

    void forgetFlights() {
        lastKept.clear();
        keptAtWrite.clear();
        unsure.clear();
    }

    /**
     * Closed buckets leave memory once written; flights silent for longer than {@code silentMs}
     * are forgotten once they outnumber the open buckets. Returns whether that happened.
     */
    boolean evict(long now, long silentMs) {
        long openFrom = TrackIds.startOf(now, spanMs) - spanMs;
        buckets.values().removeIf(b -> !b.dirty() && b.start < openFrom);
        if (lastKept.size() <= buckets.size() * 2 + 1000) {
            return false;
        }
        lastKept.values().removeIf(p -> now - p.time() > silentMs);
        return true;
    }
}
