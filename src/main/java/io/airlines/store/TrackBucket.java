package io.airlines.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * One bucket of a track as the sink knows it: the times of the points the store holds, the newest
 * of its segment documents ({@link TrackIds}), and the points not written yet. A write carries only
 * those, appended to the newest segment while it is small, else as a new segment. The store reads
 * and rewrites a whole document to append to it, so the cost of an append grows with the segment:
 * segments stay small, and at saturation, when each write carries many points per flight, a write
 * mostly starts a segment, a plain insert. Knowing the stored times makes a replayed point a no-op
 * instead of a second copy.
 */
final class TrackBucket {

    /** Points a segment grows to at most by appends. */
    static final int SEGMENT_CAP = 64;
    /** Up to this size a segment is appended to even at saturation (writes of a point or two per flight). */
    static final int SMALL_SEGMENT = 8;

    /** By flight, then by time: about the order of their {@code _id}s, cheaper than building them. */
    static final Comparator<TrackBucket> ID_ORDER = Comparator.comparing((TrackBucket b) -> b.key)
            .thenComparingLong(b -> b.start);

    private static final long[] NONE = new long[0];
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    final String key;
    final long start;
    /** Points not yet in the store, in time order, once each (they mostly arrive in order: an append). */
    private final List<TrackPoint> unwritten = new ArrayList<>();
    /** Times the store holds, sorted and distinct. */
    private long[] storedTimes = NONE;
    /** The newest segment document and how many points it holds; null when the bucket has none yet. */
    private String newestSegment;
    private int newestSegmentCount;
    /** Where the write in flight goes: the newest segment, or the one it starts. */
    private String writingTo;
    /** Whether the stored segments were read (or known absent) since this process last could not be sure of them. */
    boolean loaded;
    /** The last write failed, perhaps half done: points found stored when reloading were written by it. */
    private boolean retrying;
    /** Whether this process had the bucket's entries in the time index ({@link TrackTimes}) acknowledged. */
    private boolean listed;

    TrackBucket(String key, long start) {
        this.key = key;
        this.start = start;
    }

    String id() {
        return TrackIds.bucket(key, start);
    }

    /**
     * Whether {@code waiting} points go onto a segment of {@code stored} points rather than a new
     * one. Caught up, writes carry a point or so per flight and segments fill up to the cap. At
     * saturation an append is taken only while the segment is small or the append at most doubles
     * the work of the write.
     */
    static boolean appends(int stored, int waiting, boolean caughtUp) {
        if (stored == 0 || stored + waiting > SEGMENT_CAP) {
            return false;
        }
        return caughtUp || stored + waiting <= SMALL_SEGMENT || stored < waiting;
    }

    /** True when the point was neither stored nor waiting yet. */
    boolean add(TrackPoint p) {
        if (isStored(p.time())) {
            return false;
        }
        int n = unwritten.size();
        if (n == 0 || p.time() > unwritten.get(n - 1).time()) {
            unwritten.add(p);
            return true;
        }
        int at = waitingAt(p.time());
        if (at >= 0) {
            return false;
        }
        unwritten.add(-at - 1, p);
        return true;
    }

    /** Where a time is among the waiting points, or {@code -(insertion point) - 1}, as a binary search. */
    private int waitingAt(long time) {
        int low = 0;
        int high = unwritten.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long t = unwritten.get(mid).time();
            if (t < time) {
                low = mid + 1;
            } else if (t > time) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    boolean dirty() {
        return !unwritten.isEmpty();
    }

    /** The store's copy may differ from what this process believes (a failed write, a new owner): read it again. */
    void distrust() {
        loaded = false;
        retrying = true;
    }

    /** What reconciling with the stored segments found. */
    record Reconciled(int writtenBefore, int replayed) {
    }

    /**
     * Takes the bucket's stored segments (none when it has none) as the truth: waiting points they
     * already hold are dropped, counted as written by the failed attempt when one was made, else as
     * replayed copies.
     */
    Reconciled load(List<Document> segments) {
        long[] times = NONE;
        newestSegment = null;
        newestSegmentCount = 0;
        for (Document segment : segments) {
            long[] these = timesOf(segment);
            times = merge(times, these);
            String id = segment.getString("_id");
            if (newestSegment == null || TrackIds.segmentOrder(id) > TrackIds.segmentOrder(newestSegment)) {
                newestSegment = id;
                newestSegmentCount = these.length;
            }
        }
        int before = unwritten.size();
        long[] stored = times;
        unwritten.removeIf(p -> Arrays.binarySearch(stored, p.time()) >= 0);
        int found = before - unwritten.size();
        storedTimes = times;
        loaded = true;
        Reconciled r = retrying ? new Reconciled(found, 0) : new Reconciled(0, found);
        retrying = false;
        return r;
    }

    /**
     * The write of the waiting points: pushed onto the newest segment (sorted in when one is older
     * than a stored point), or inserted as a new segment, in time order.
     */
    WriteModel<RawBsonDocument> write(long spanMs, boolean caughtUp) {
        long first = unwritten.get(0).time();
        // Every segment says which flight and time span it is of: the purge reads its end.
        if (!appends(newestSegmentCount, unwritten.size(), caughtUp)) {
            writingTo = newestSegment == null ? id() : TrackIds.segment(id(), first);
            return new InsertOneModel<>(TrackBson.segment(writingTo, key, start, start + spanMs, unwritten));
        }
        writingTo = newestSegment;
        boolean sort = first < storedTimes[storedTimes.length - 1];
        // An upsert: the segment may be gone meanwhile, purged with its bucket past retention.
        return new UpdateOneModel<>(Filters.eq("_id", writingTo),
                TrackBson.append(key, start, start + spanMs, unwritten, sort), UPSERT);
    }

    /** The bucket's entries in the time index while this process has not had them acknowledged, else none. */
    List<WriteModel<RawBsonDocument>> timeEntries(long spanMs) {
        return listed ? List.of() : TrackTimes.entries(key, start, start + spanMs);
    }

    /** After an acknowledged write: the waiting points are now stored, the bucket listed; returns how many. */
    int written() {
        listed = true;
        int n = unwritten.size();
        long[] added = new long[n];
        for (int i = 0; i < n; i++) {
            added[i] = unwritten.get(i).time();
        }
        storedTimes = merge(storedTimes, added);
        if (writingTo.equals(newestSegment)) {
            newestSegmentCount += n;
        } else {
            newestSegment = writingTo;
            newestSegmentCount = n;
        }
        unwritten.clear();
        return n;
    }

    /** Two sorted arrays of distinct times as one; the common case, {@code b} after {@code a}, is a copy. */
    private static long[] merge(long[] a, long[] b) {
        if (a.length == 0) {
            return b;
        }
        long[] merged = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, merged, a.length, b.length);
        if (b.length > 0 && b[0] <= a[a.length - 1]) {
            return Arrays.stream(merged).sorted().distinct().toArray();
        }
        return merged;
    }

    private boolean isStored(long time) {
        int n = storedTimes.length;
        return n > 0 && time <= storedTimes[n - 1] && Arrays.binarySearch(storedTimes, time) >= 0;
    }

    /** The points of stored documents (a bucket's segments, or several buckets'), in time order, once each. */
    static List<TrackPoint> pointsOf(Iterable<Document> stored) {
        TreeMap<Long, TrackPoint> byTime = new TreeMap<>();
        for (Document document : stored) {
            if (document.get("points") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Document d) {
                        TrackPoint p = TrackPoint.fromDocument(d);
                        byTime.putIfAbsent(p.time(), p);
                    }
                }
            }
        }
        return new ArrayList<>(byTime.values());
    }

    /** The times a stored segment holds, sorted, once each. */
    private static long[] timesOf(Document stored) {
        return Arrays.stream(TrackIds.pointTimes(stored)).sorted().distinct().toArray();
    }
}
