package io.airlines.traffic;

import java.util.ArrayList;
import java.util.List;

/**
 * The departure delay histogram's buckets, in minutes against the timetable: early, then
 * {@code [0,5)}, {@code [5,15)} ... and two hours or more.
 */
final class DelayBuckets {

    /** Lower bounds of the buckets after the first (early); the last is open-ended. */
    private static final int[] FROM = {0, 5, 15, 30, 60, 120};

    private DelayBuckets() {
    }

    static int count() {
        return FROM.length + 1;
    }

    static int of(int delayMinutes) {
        int bucket = 0;
        while (bucket < FROM.length && delayMinutes >= FROM[bucket]) {
            bucket++;
        }
        return bucket;
    }

    /** One bucket with its bounds (null where open) and its departures. */
    record Bucket(Integer fromMinutes, Integer toMinutes, long departures) {
    }

    static List<Bucket> label(long[] counts) {
        List<Bucket> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            Integer from = i == 0 ? null : FROM[i - 1];
            Integer to = i < FROM.length ? FROM[i] : null;
            out.add(new Bucket(from, to, counts[i]));
        }
        return out;
    }
}
