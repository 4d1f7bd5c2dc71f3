package io.airlines.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.airlines.store.TrackIds;
import org.bson.Document;

/**
 * End-to-end latency at a fixed rate: one producer sends each position to every contender's
 * topic at the same instant, its event time being its produce time (also the Kafka CreateTime).
 * The points of a fixed sample of flights (the probes, chosen before the run, the same for both)
 * are timed: one poller thread per contender asks the contender's collection every
 * {@code pollMillis} for them, as a reader would (by flight and time), and notes when each is
 * first returned. Latency = start of that query − produce time, so a figure is exact to within
 * one poll period plus the query's own duration (both reported). Timing a sample rather than
 * every point keeps the pollers' own load on the shared store small.
 */
final class SinkLatency {

    record Point(String key, long time) {
    }

    /** Where a contender's points become visible, and how to read them. */
    abstract static class Contender {

        final String name;
        final String topic;
        /** Point → produce time; -1 for warm-up points, which are not timed. */
        private final Map<Point, Long> awaited = new ConcurrentHashMap<>();
        private final List<Long> latencies = new ArrayList<>();
        private final AtomicLong pollNanos = new AtomicLong();
        private final AtomicLong polls = new AtomicLong();

        Contender(String name, String topic) {
            this.name = name;
            this.topic = topic;
        }

        /** Calls {@code seen} for points the collection returns now, at least those awaited. */
        abstract void poll(Collection<Point> awaited, PointSink seen);

        /** Points the collection holds in all (warm-up ones included). */
        abstract long stored();

        void expect(Point point, boolean timed) {
            awaited.put(point, timed ? point.time() : -1);
        }

        boolean done() {
            return awaited.isEmpty();
        }

        void pollOnce() {
            long started = System.currentTimeMillis();
            long startedNanos = System.nanoTime();
            poll(List.copyOf(awaited.keySet()), point -> {
                Long produced = awaited.remove(point);
                if (produced != null && produced >= 0) {
                    synchronized (latencies) {
                        latencies.add(started - produced);
                    }
                }
            });
            pollNanos.addAndGet(System.nanoTime() - startedNanos);
            polls.incrementAndGet();
        }

        long[] sortedLatencies() {
            synchronized (latencies) {
                long[] out = latencies.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(out);
                return out;
            }
        }

        double meanPollMillis() {
            return polls.get() == 0 ? 0 : pollNanos.get() / 1e6 / polls.get();
        }
    }

    interface PointSink {
        void seen(Point point);
    }

    /**
     * The connector's one document per record, found by time as they come. Documents older than
     * any awaited point are deleted once a second (and counted): the store has no secondary
     * indexes, so every query is a full scan under the collection's lock (~40 ms at 60,000
     * documents), which would slow the connector's own inserts as the collection grew.
     */
    static Contender connector(String topic, MongoCollection<Document> collection) {
        AtomicLong deleted = new AtomicLong();
        long[] lastDelete = {System.currentTimeMillis()};
        return new Contender("connector", topic) {
            @Override
            void poll(Collection<Point> awaited, PointSink seen) {
                long now = System.currentTimeMillis();
                long oldest = awaited.stream().mapToLong(Point::time).min().orElse(now - 5_000);
                if (!awaited.isEmpty()) {
                    for (Document d : collection.find(Filters.gte("time", oldest)).projection(Projections.include("key", "time"))) {
                        seen.seen(new Point(d.getString("key"), ((Number) d.get("time")).longValue()));
                    }
                }
                if (now - lastDelete[0] >= 1000) {
                    lastDelete[0] = now;
                    deleted.addAndGet(collection.deleteMany(Filters.lt("time", Math.min(oldest, now - 5_000))).getDeletedCount());
                }
            }

            @Override
            long stored() {
                return deleted.get() + collection.countDocuments();
            }
        };
    }

    /** Our track buckets, read by id range as the track API reads them: only those of awaited points. */
    static Contender ours(String topic, MongoCollection<Document> buckets, Duration bucketSpan) {
        return new Contender("ours", topic) {
            @Override
            void poll(Collection<Point> awaited, PointSink seen) {
                List<String> ids = awaited.stream().map(p -> TrackIds.bucketId(p.key(), p.time(), bucketSpan))
                        .distinct().toList();
                for (int i = 0; i < ids.size(); i += 1000) {
                    List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
                    for (Document d : buckets.find(TrackIds.anyOf(chunk)).projection(Projections.include("key", "points"))) {
                        for (Document p : d.getList("points", Document.class, List.of())) {
                            seen.seen(new Point(d.getString("key"), ((Number) p.get("t")).longValue()));
                        }
                    }
                }
            }

            @Override
            long stored() {
                return SinkBenchmark.storedPoints(buckets);
            }
        };
    }

    /** Failed sends sent again before the run gives up: a broker that fails this many is not one to time. */
    private static final int MAX_RESENT = 1_000;

    private final String bootstrap;
    private final List<Contender> contenders;
    private final int flights;
    private final long pollMillis;
    private volatile boolean polling = true;
    private long timed;
    /** Records whose send failed, sent again by the sending thread (a callback must not block on a full buffer). */
    private final Queue<ProducerRecord<String, String>> failedSends = new ConcurrentLinkedQueue<>();
    private final AtomicLong resent = new AtomicLong();
    private volatile Exception sendFailure;

    SinkLatency(String bootstrap, List<Contender> contenders, int flights, Duration pollPeriod) {
        this.bootstrap = bootstrap;
        this.contenders = contenders;
        this.flights = flights;
        this.pollMillis = pollPeriod.toMillis();
    }

    /**
     * Warms both up with one point per flight (the connector's worker takes seconds to join its
     * group), then sends {@code rate} records a second for {@code warmUpSeconds} untimed (each
     * sink runs in a JVM started for the run, still compiling its hot code at first), then for
     * {@code seconds}, timing the points of every {@code flights / probes}-th flight, and waits
     * until every contender has shown every timed point and holds every point, or {@code timeout}
     * passed.
     */
    void run(int rate, int warmUpSeconds, int seconds, int probes, Duration timeout, Drain.Check alive) throws Exception {
        List<Thread> pollers = new ArrayList<>();
        for (Contender c : contenders) {
            Thread t = new Thread(() -> pollEvery(c), "latency-poller-" + c.name);
            t.setDaemon(true);
            t.start();
            pollers.add(t);
        }
        Random random = new Random(7);
        long[] lastTime = new long[flights];
        int probeEvery = Math.max(1, flights / Math.max(1, probes));
        // Kafka's default linger (5 ms): the batching a production producer would do.
        try (KafkaProducer<String, String> producer = SinkBenchmark.producer(bootstrap, 5)) {
            long warmUp = System.currentTimeMillis() - 10_000;
            for (int f = 0; f < flights; f++) {
                lastTime[f] = warmUp;
                send(producer, f, warmUp, false, true, random);
            }
            producer.flush();
            awaitAll(producer, timeout, alive, 0);
            long warmUpTotal = (long) rate * warmUpSeconds;
            long total = warmUpTotal + (long) rate * seconds;
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                LockSupport.parkNanos(start + i * 1_000_000_000L / rate - System.nanoTime());
                int f = (int) (i % flights);
                // Event time = produce time, made unique per flight should the producer fall behind.
                lastTime[f] = Math.max(System.currentTimeMillis(), lastTime[f] + 1);
                boolean probe = i >= warmUpTotal && f % probeEvery == 0;
                timed += probe ? 1 : 0;
                send(producer, f, lastTime[f], true, probe, random);
                resendFailed(producer);
            }
            producer.flush();
            awaitAll(producer, timeout, alive, flights + total);
        } finally {
            polling = false;
            for (Thread t : pollers) {
                t.join(10_000);
            }
        }
    }

    /** Points timed per contender. */
    long timed() {
        return timed;
    }

    /** Records sent again after their send failed. */
    long resent() {
        return resent.get();
    }

    private void send(KafkaProducer<String, String> producer, int flight, long time, boolean timed, boolean awaited,
                      Random random) {
        String value = SinkBenchmark.position(flight, time, random);
        String key = SinkBenchmark.keyOf(value);
        for (Contender c : contenders) {
            if (awaited) {
                c.expect(new Point(key, time), timed);
            }
            send(producer, new ProducerRecord<>(c.topic, null, time, key, value));
        }
    }

    /**
     * Sends a record, and again should its send fail: a record lost on the way would leave its
     * contender short of points it never had the chance to store.
     */
    private void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                if (sendFailure == null) {
                    System.err.println("A send to " + record.topic() + " failed, sending it again: " + e);
                }
                sendFailure = e;
                failedSends.add(record);
            }
        });
    }

    private void resendFailed(KafkaProducer<String, String> producer) {
        for (ProducerRecord<String, String> record; (record = failedSends.poll()) != null; ) {
            if (resent.incrementAndGet() > MAX_RESENT) {
                throw new IllegalStateException("more than " + MAX_RESENT + " sends to the contenders' topics failed; the last: "
                        + sendFailure, sendFailure);
            }
            send(producer, record);
        }
    }

    private void awaitAll(KafkaProducer<String, String> producer, Duration timeout, Drain.Check alive, long stored)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            alive.run();
            if (!failedSends.isEmpty()) {
                resendFailed(producer);
                producer.flush();
            }
            if (contenders.stream().allMatch(Contender::done) && contenders.stream().allMatch(c -> c.stored() >= stored)) {
                return;
            }
            Thread.sleep(contenders.stream().allMatch(Contender::done) ? 500 : pollMillis);
        }
        StringBuilder state = new StringBuilder();
        for (Contender c : contenders) {
            state.append(' ').append(c.name).append(": ").append(c.awaited.size()).append(" timed points not seen, ")
                    .append(c.stored()).append(" of ").append(stored).append(" stored;");
        }
        if (sendFailure != null) {
            state.append(" sends failed and sent again: ").append(resent.get()).append(", the last failure: ").append(sendFailure);
        }
        throw new IllegalStateException("latency phase incomplete after " + timeout + ":" + state);
    }

    private void pollEvery(Contender c) {
        long next = System.nanoTime();
        while (polling) {
            try {
                c.pollOnce();
            } catch (RuntimeException e) {
                // The store may be briefly busy; the next poll sees the same points.
            }
            next += pollMillis * 1_000_000L;
            LockSupport.parkNanos(next - System.nanoTime());
            next = Math.max(next, System.nanoTime());
        }
    }

    /** The value at quantile {@code q} of sorted values (nearest rank). */
    static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}
