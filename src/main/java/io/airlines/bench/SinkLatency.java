package io.airlines.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * End-to-end latency at a fixed rate: one producer sends each position to every contender's
 * topic at the same instant, its event time being its produce time (also the Kafka CreateTime);
 * one poller thread per contender queries the contender's collection every {@code pollMillis}
 * and notes when each point is first returned. Latency = start of that query − produce time, so
 * a figure is exact to within one poll period plus the query's own duration (both reported).
 */
final class SinkLatency {

    /** Where a contender's points become visible, and how to read the newly visible ones. */
    abstract static class Contender {

        final String name;
        final String topic;
        /** Point id (key|time) → produce time; -1 for warm-up points, which are not measured. */
        private final Map<String, Long> awaited = new ConcurrentHashMap<>();
        private final List<Long> latencies = new ArrayList<>();
        private final AtomicLong pollNanos = new AtomicLong();
        private final AtomicLong polls = new AtomicLong();

        Contender(String name, String topic) {
            this.name = name;
            this.topic = topic;
        }

        /** Calls {@code seen} for every point the collection returns now (old ones may come again). */
        abstract void poll(PointSink seen);

        void expect(String key, long time, boolean measured) {
            awaited.put(key + "|" + time, measured ? time : -1);
        }

        boolean done() {
            return awaited.isEmpty();
        }

        int missing() {
            return awaited.size();
        }

        void pollOnce() {
            long started = System.currentTimeMillis();
            long startedNanos = System.nanoTime();
            poll((key, time) -> {
                Long produced = awaited.remove(key + "|" + time);
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
        void seen(String key, long time);
    }

    /**
     * The connector's one document per record. Seen documents are deleted: the store has no
     * secondary indexes, so a query over a growing collection is a full scan (~40 ms at 60,000
     * documents) under the collection's lock, which would slow the connector's own inserts.
     */
    static Contender connector(String topic, MongoCollection<Document> collection) {
        return new Contender("connector", topic) {
            @Override
            void poll(PointSink seen) {
                List<Object> ids = new ArrayList<>();
                for (Document d : collection.find().projection(Projections.include("key", "time"))) {
                    ids.add(d.get("_id"));
                    seen.seen(d.getString("key"), ((Number) d.get("time")).longValue());
                }
                if (!ids.isEmpty()) {
                    collection.deleteMany(Filters.in("_id", ids));
                }
            }
        };
    }

    /** Our track buckets: only those whose point count changed since the last look are read. */
    static Contender ours(String topic, MongoCollection<Document> buckets) {
        Map<String, Integer> counts = new HashMap<>();
        return new Contender("ours", topic) {
            @Override
            void poll(PointSink seen) {
                List<String> changed = new ArrayList<>();
                for (Document d : buckets.find().projection(Projections.include("count"))) {
                    if (!Integer.valueOf(d.getInteger("count", 0)).equals(counts.get(d.getString("_id")))) {
                        changed.add(d.getString("_id"));
                    }
                }
                for (int i = 0; i < changed.size(); i += 1000) {
                    List<String> chunk = changed.subList(i, Math.min(changed.size(), i + 1000));
                    for (Document d : buckets.find(Filters.in("_id", chunk)).projection(Projections.include("key", "points"))) {
                        List<Document> points = d.getList("points", Document.class, List.of());
                        counts.put(d.getString("_id"), points.size());
                        for (Document p : points) {
                            seen.seen(d.getString("key"), ((Number) p.get("t")).longValue());
                        }
                    }
                }
            }
        };
    }

    private final String bootstrap;
    private final List<Contender> contenders;
    private final int flights;
    private final long pollMillis;
    private volatile boolean polling = true;

    SinkLatency(String bootstrap, List<Contender> contenders, int flights, Duration pollPeriod) {
        this.bootstrap = bootstrap;
        this.contenders = contenders;
        this.flights = flights;
        this.pollMillis = pollPeriod.toMillis();
    }

    /**
     * Warms both up with one point per flight (the connector's worker takes seconds to join its
     * group), then sends {@code rate} records a second for {@code seconds} and waits until every
     * contender has shown every point, or {@code timeout} passed.
     */
    void run(int rate, int seconds, Duration timeout, Drain.Check alive) throws Exception {
        List<Thread> pollers = new ArrayList<>();
        for (Contender c : contenders) {
            Thread t = new Thread(() -> pollEvery(c), "latency-poller-" + c.name);
            t.setDaemon(true);
            t.start();
            pollers.add(t);
        }
        Random random = new Random(7);
        long[] lastTime = new long[flights];
        try (KafkaProducer<String, String> producer = producer()) {
            long warmUp = System.currentTimeMillis() - 10_000;
            for (int f = 0; f < flights; f++) {
                lastTime[f] = warmUp;
                send(producer, f, warmUp, false, random);
            }
            producer.flush();
            awaitAll(timeout, alive);
            long total = (long) rate * seconds;
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                LockSupport.parkNanos(start + i * 1_000_000_000L / rate - System.nanoTime());
                int f = (int) (i % flights);
                // Event time = produce time, made unique per flight should the producer fall behind.
                lastTime[f] = Math.max(System.currentTimeMillis(), lastTime[f] + 1);
                send(producer, f, lastTime[f], true, random);
            }
            producer.flush();
            awaitAll(timeout, alive);
        } finally {
            polling = false;
            for (Thread t : pollers) {
                t.join(10_000);
            }
        }
    }

    private void send(KafkaProducer<String, String> producer, int flight, long time, boolean measured, Random random) {
        String value = SinkBenchmark.position(flight, time, random);
        String key = SinkBenchmark.keyOf(value);
        for (Contender c : contenders) {
            c.expect(key, time, measured);
            producer.send(new ProducerRecord<>(c.topic, null, time, key, value));
        }
    }

    private void awaitAll(Duration timeout, Drain.Check alive) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (contenders.stream().anyMatch(c -> !c.done()) && System.nanoTime() < deadline) {
            alive.run();
            Thread.sleep(pollMillis);
        }
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

    /** Kafka's default batching (5 ms linger), acknowledged by all replicas, as in production. */
    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer());
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
