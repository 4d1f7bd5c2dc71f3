package io.airlines.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * One track document as the sink knows it: the times of the points the store holds, and the
 * points not written yet. A write pushes only those, so its cost does not grow with the bucket
 * (rewriting the whole bucket for one new point made every write as slow as the bucket was long),
 * and knowing the stored times makes a replayed point a no-op instead of a second copy.
 */
final class TrackBucket {

    private static final long[] NONE = new long[0];
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    final String key;
    final long start;
    /** Points not yet in the store, by time. */
    private final TreeMap<Long, TrackPoint> unwritten = new TreeMap<>();
    /** Times the store holds, sorted; only the first {@code storedCount} are used. */
    private long[] storedTimes = NONE;
    private int storedCount;
    /** Whether the stored document was read (or known absent) since this process last could not be sure of it. */
    boolean loaded;
    /** The last write failed, perhaps half done: points found stored when reloading were written by it. */
    private boolean retrying;

    TrackBucket(String key, long start) {
        this.key = key;
        this.start = start;
    }

    static String id(String key, long start) {
        return key + "|" + start;
    }

    static long startOf(long time, long spanMs) {
        return Math.floorDiv(time, spanMs) * spanMs;
    }

    String id() {
        return id(key, start);
    }

    /** True when the point was neither stored nor waiting yet. */
    boolean add(TrackPoint p) {
        if (isStored(p.time())) {
            return false;
        }
        return unwritten.putIfAbsent(p.time(), p) == null;
    }

    boolean dirty() {
        return !unwritten.isEmpty();
    }

    /** The store's copy may differ from what this process believes (a failed write, a new owner): read it again. */
    void distrust() {
        loaded = false;
        retrying = true;
    }

    /** What reconciling with the stored document found. */
    record Reconciled(int writtenBefore, int replayed) {
    }

    /**
     * Takes the stored document (null when there is none) as the truth: waiting points it already
     * holds are dropped, counted as written by the failed attempt when one was made, else as
     * replayed copies.
     */
    Reconciled load(Document stored) {
        long[] times = stored == null ? NONE : timesOf(stored);
        int found = 0;
        for (long t : times) {
            if (unwritten.remove(t) != null) {
                found++;
            }
        }
        storedTimes = times;
        storedCount = times.length;
        loaded = true;
        Reconciled r = retrying ? new Reconciled(found, 0) : new Reconciled(0, found);
        retrying = false;
        return r;
    }

    /** The write of the waiting points: appended in order, or sorted in when one is older than a stored one. */
    WriteModel<Document> write(long spanMs) {
        List<Document> points = new ArrayList<>(unwritten.size());
        for (TrackPoint p : unwritten.values()) {
            points.add(p.toDocument());
        }
        Document push = new Document("$each", points);
        if (storedCount > 0 && unwritten.firstKey() < storedTimes[storedCount - 1]) {
            push.append("$sort", new Document("t", 1));
        }
        Document update = new Document("$setOnInsert", new Document("key", key)
                .append("start", new Date(start))
                .append("end", new Date(start + spanMs)))
                .append("$push", new Document("points", push))
                .append("$inc", new Document("count", points.size()));
        return new UpdateOneModel<>(Filters.eq("_id", id()), update, UPSERT);
    }

    /** After an acknowledged write: the waiting points are now stored; returns how many. */
    int written() {
        int n = unwritten.size();
        long[] merged = Arrays.copyOf(storedTimes, storedCount + n);
        int i = storedCount;
        for (long t : unwritten.keySet()) {
            merged[i++] = t;
        }
        if (storedCount > 0 && n > 0 && merged[storedCount] < merged[storedCount - 1]) {
            Arrays.sort(merged);
        }
        storedTimes = merged;
        storedCount = merged.length;
        unwritten.clear();
        return n;
    }

    private boolean isStored(long time) {
        return storedCount > 0 && time <= storedTimes[storedCount - 1]
                && Arrays.binarySearch(storedTimes, 0, storedCount, time) >= 0;
    }

    /** The points of a stored document, in time order. */
    static List<TrackPoint> pointsOf(Document stored) {
        TreeMap<Long, TrackPoint> byTime = new TreeMap<>();
        if (stored.get("points") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Document d) {
                    TrackPoint p = TrackPoint.fromDocument(d);
                    byTime.putIfAbsent(p.time(), p);
                }
            }
        }
        return new ArrayList<>(byTime.values());
    }

    private static long[] timesOf(Document stored) {
        long[] times = new long[0];
        if (stored.get("points") instanceof List<?> list) {
            times = new long[list.size()];
            int n = 0;
            for (Object o : list) {
                if (o instanceof Document d && d.get("t") instanceof Number t) {
                    times[n++] = t.longValue();
                }
            }
            times = Arrays.stream(times, 0, n).sorted().distinct().toArray();
        }
        return times;
    }
}
