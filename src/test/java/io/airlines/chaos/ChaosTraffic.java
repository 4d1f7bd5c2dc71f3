package io.airlines.chaos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.airlines.store.TrackIds;
import org.bson.Document;

/**
 * Deterministic traffic for the fault scenarios: good positions of many flights (each point 200 m
 * higher than the last, so the thinned track mode keeps every one and nothing is thinned by rule),
 * hostile records of every kind, and the count of what the store holds afterwards.
 */
final class ChaosTraffic {

    static final int POINTS_PER_FLIGHT = 50;

    private final String prefix;
    private final long start;
    /** Good positions Kafka acknowledged, and sends that failed. */
    final AtomicInteger acked = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();

    /** {@code prefix}: unique per run, so several runs share a store without mixing. */
    ChaosTraffic(String prefix, long start) {
        this.prefix = prefix;
        this.start = start;
    }

    /** A run with its own flight keys ({@code tag} + random hex), starting two minutes ago. */
    static ChaosTraffic newRun(String tag) {
        return new ChaosTraffic(tag + Long.toHexString(java.util.UUID.randomUUID().getMostSignificantBits() & 0xfffffL),
                System.currentTimeMillis() - 120_000);
    }

    /** The run's prefix: every flight key of this run starts with it. */
    String prefix() {
        return prefix;
    }

    String key(int flight) {
        return prefix + flight;
    }

    /** The i-th good position: flight i / 50, one point a second, climbing and moving north-east. */
    String good(int i) {
        int flight = i / POINTS_PER_FLIGHT;
        int step = i % POINTS_PER_FLIGHT;
        return String.format(Locale.ROOT,
                "{\"key\":\"%s\",\"callsign\":\"CHS%d\",\"lat\":%.5f,\"lon\":%.5f,\"altitude\":%d,\"speed\":700,"
                        + "\"track\":45,\"verticalRate\":10,\"squawk\":\"1000\",\"onGround\":false,\"source\":\"http\",\"time\":%d}",
                key(flight), flight, 40.0 + (flight % 100) * 0.1 + step * 0.001, (flight / 100) * 0.1 + step * 0.001,
                step * 200, start + step * 1000L);
    }

    /** The i-th hostile record: every rule the validation names, plus garbage the codec must survive. */
    static byte[] malformed(int i, Random random) {
        long now = System.currentTimeMillis();
        String valid = "\"lat\":50.0,\"lon\":8.0,\"altitude\":1000,\"time\":" + (now - 60_000);
        String text = switch (i % 24) {
            case 0 -> "this is not json";
            case 1 -> null; // binary garbage, below
            case 2 -> "";
            case 3 -> "[1,2,3]";
            case 4 -> "null";
            case 5 -> "{}";
            case 6 -> "{\"key\":{\"$gt\":\"\"}," + valid + "}";
            case 7 -> "{\"key\":\"K" + i + "\",\"lat\":{\"$ne\":null},\"lon\":8.0,\"time\":" + now + "}";
            case 8 -> "{\"key\":\"" + "x".repeat(100_000) + "\"," + valid + "}";
            case 9 -> "{\"key\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "," + valid + "}";
            case 10 -> "[".repeat(20_000) + "]".repeat(20_000);
            case 11 -> "{\"key\":\"K" + i + "\",\"lat\":123.0,\"lon\":8.0,\"time\":" + now + "}";
            case 12 -> "{\"key\":\"K" + i + "\",\"lat\":50.0,\"lon\":-181,\"time\":" + now + "}";
            case 13 -> "{\"key\":\"K" + i + "\"," + valid.replace("\"altitude\":1000", "\"altitude\":99999") + "}";
            case 14 -> "{\"key\":\"K" + i + "\"," + valid + ",\"speed\":-5}";
            case 15 -> "{\"key\":\"K" + i + "\"," + valid + ",\"track\":720}";
            case 16 -> "{\"key\":\"K" + i + "\",\"lat\":50.0,\"lon\":8.0,\"time\":" + (now + 3_600_000) + "}";
            case 17 -> "{\"key\":\"bad key; drop\"," + valid + "}";
            case 18 -> "{\"key\":\"K" + i + "\",\"lon\":8.0,\"time\":" + now + "}";
            case 19 -> "{\"key\":\"K" + i + "\",\"lat\":50.0,\"lon\":8.0}";
            case 20 -> "{\"key\":\"K" + i + "\",\"lat\":\"fifty\",\"lon\":8.0,\"time\":" + now + "}";
            case 21 -> "{\"key\":\"K" + i + "\",\"lat\":NaN,\"lon\":8.0,\"time\":" + now + "}";
            case 22 -> "{\"key\":\"K" + i + "\",\"lat\":50.0,\"lon\":8.0,\"time\":\"yesterday\"}";
            default -> "{\"key\":\"K" + i + "\",\"lat\":1e999,\"lon\":8.0,\"time\":" + now + "}";
        };
        if (text == null) {
            byte[] garbage = new byte[1 + random.nextInt(2048)];
            random.nextBytes(garbage);
            garbage[0] = (byte) 0xFF;
            return garbage;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends good positions {@code from} (inclusive) to {@code to} (the caller flushes); counts acknowledgements. */
    void sendGood(KafkaProducer<String, byte[]> producer, String topic, int from, int to) {
        for (int i = from; i < to; i++) {
            producer.send(new ProducerRecord<>(topic, key(i / POINTS_PER_FLIGHT), good(i).getBytes(StandardCharsets.UTF_8)),
                    (meta, error) -> (error == null ? acked : failed).incrementAndGet());
        }
    }

    /** What the store holds for this run's flights: distinct points and copies beyond the first. */
    record Stored(long distinct, long duplicated) {

        /** Counts {@code times}: each flight's stored point times, a copy as often as it is stored. */
        static Stored of(Map<String, List<Long>> times) {
            long distinct = times.values().stream().mapToLong(t -> new HashSet<>(t).size()).sum();
            long all = times.values().stream().mapToLong(List::size).sum();
            return new Stored(distinct, all - distinct);
        }

        /** The figures every store drill reports; {@code extra} adds the drill's own. */
        Map<String, Number> figures(ChaosTraffic traffic, int produced, Map<String, Number> extra) {
            return figures(produced, traffic.acked.get(), extra);
        }

        Map<String, Number> figures(int produced, int acknowledged, Map<String, Number> extra) {
            Map<String, Number> figures = new LinkedHashMap<>();
            figures.put("produced", produced);
            figures.put("acknowledged", acknowledged);
            figures.putAll(extra);
            figures.put("stored", distinct);
            // Every point is 200 m above the previous one of its flight: no rule thins any of them.
            figures.put("thinned", 0);
            figures.put("duplicated", duplicated);
            figures.put("lost", acknowledged - distinct);
            return figures;
        }
    }

    Stored stored(MongoDatabase database) {
        return Stored.of(pointTimes(database, prefix));
    }

    /** Each flight whose key starts with {@code prefix}: the times of its stored points, a copy as often as stored. */
    static Map<String, List<Long>> pointTimes(MongoDatabase database, String prefix) {
        Map<String, List<Long>> times = new HashMap<>();
        // Small batches: mongo-java-server answers a getMore with everything left, past the driver's 48 MB.
        for (Document bucket : database.getCollection(TrackIds.COLLECTION).find(Filters.regex("key", "^" + prefix))
                .projection(Projections.include("key", "points.t")).batchSize(100)) {
            List<Long> flight = times.computeIfAbsent(bucket.getString("key"), k -> new ArrayList<>());
            for (long t : TrackIds.pointTimes(bucket)) {
                flight.add(t);
            }
        }
        return times;
    }
}
