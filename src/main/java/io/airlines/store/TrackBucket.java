package io.airlines.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;

import org.bson.Document;

/**
 * One track document: a flight's points within one bucket span, ordered and unique by time,
 * which makes writing it again after a replay harmless.
 */
final class TrackBucket {

    final String key;
    final long start;
    final TreeMap<Long, TrackPoint> points = new TreeMap<>();
    boolean dirty;
    /** Whether the stored document was read (or known absent) by this process. */
    boolean loaded;
    /** Points the stored document holds. */
    int storedCount;
    /** Points added since the last write, duplicates of stored ones included. */
    int addedSinceWrite;

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

    /** True when the point was not there yet. */
    boolean add(TrackPoint p) {
        if (points.putIfAbsent(p.time(), p) != null) {
            return false;
        }
        dirty = true;
        addedSinceWrite++;
        return true;
    }

    void load(Document stored) {
        Object list = stored.get("points");
        java.util.Set<Long> times = new java.util.HashSet<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Document d) {
                    TrackPoint p = TrackPoint.fromDocument(d);
                    points.putIfAbsent(p.time(), p);
                    times.add(p.time());
                }
            }
        }
        storedCount = times.size();
    }

    /** After a write: how many points were new to the store; the rest were replayed copies. */
    int written() {
        int added = points.size() - storedCount;
        storedCount = points.size();
        addedSinceWrite = 0;
        dirty = false;
        return added;
    }

    Document toDocument(long spanMs) {
        List<Document> list = new ArrayList<>(points.size());
        for (TrackPoint p : points.values()) {
            list.add(p.toDocument());
        }
        return new Document("_id", id())
                .append("key", key)
                .append("start", new Date(start))
                .append("end", new Date(start + spanMs))
                .append("count", list.size())
                .append("points", list);
    }
}
