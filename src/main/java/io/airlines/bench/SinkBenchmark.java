package io.airlines.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import io.airlines.config.StoreDurability;
import io.airlines.store.StoreSettings;
import io.airlines.store.TrackIds;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Kafka → MongoDB: our sink against the official MongoDB Kafka sink connector and the store's raw
 * ceiling (plain bulk inserts), on one embedded broker and store started for the run, same records
 * for all. Throughput at saturation is measured one after the other so that none takes CPU from
 * another; latency at a fixed rate with both running at once, so both meet the same load.
 */
class SinkBenchmark implements Benchmark {
    private static final BenchOption RECORDS = BenchOption.count("records", 1_000_000, 20_000, "position records to drain");
    private static final BenchOption FLIGHTS = BenchOption.count("flights", 5_000, 500, "flights the records belong to");
    private static final BenchOption TRIALS = BenchOption.count("trials", 3, 1, "turns each contender takes; rated by its median");
    private static final BenchOption DURABILITY_DISK = BenchOption.count("durability-disk", 1, 1,
            "1 runs our sink again with AIRLINES_STORE_DURABILITY=disk, 0 skips it");
    private static final BenchOption LATENCY_SECONDS = BenchOption.count("latency-seconds", 30, 5,
            "length of the latency run at a fixed rate; 0 skips it");
    private static final BenchOption LATENCY_RATE = BenchOption.count("latency-rate", 2_000, 500, "records/s of the latency run");
    private static final BenchOption LATENCY_WARM_UP = BenchOption.count("latency-warm-up-seconds", 15, 0,
            "seconds of the latency run not measured");
    private static final BenchOption LATENCY_FLIGHTS = BenchOption.count("latency-flights", 0, 0,
            "flights of the latency run (0: one per record/s, as at 1 Hz)");
    private static final BenchOption LATENCY_POLL_MS = BenchOption.count("latency-poll-ms", 50, 50,
            "how often the latency probes look for their points in the store");
    private static final BenchOption LATENCY_PROBES = BenchOption.count("latency-probes", 100, 20, "probe points timed");
    private static final BenchOption ENCODER_ROUNDS = BenchOption.count("encoder-rounds", 21, 5,
            "turns of each BSON encoder on the records' track buckets; 0 skips that race");

    static final String DATABASE = "airlines_bench";

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public List<BenchOption> options() {
        return List.of(RECORDS, FLIGHTS, TRIALS, DURABILITY_DISK, LATENCY_SECONDS, LATENCY_RATE, LATENCY_WARM_UP, LATENCY_FLIGHTS,
                LATENCY_POLL_MS, LATENCY_PROBES, ENCODER_ROUNDS, ServerJvm.HEAP, ServerJvm.JAVA_OPTS);
    }

    @Override
    public List<Measurement> run(BenchOptions options) throws Exception {
        // 200 points per flight. At 200,000 (40 per flight) ours drains them in about 3 s, a window
        // in which its start (group join, first write of 5,000 new flights, cold JIT) weighs much.
        int records = options.intValue(RECORDS);
        int flights = options.intValue(FLIGHTS);
        int partitions = 6;
        // Contenders take turns, connector then ours, this many times; each is rated by its median.
        // One drain of a million records takes seconds, and one trial alone varied by a third.
        int trials = options.intValue(TRIALS);
        // Our sink again with every write synced to disk before it is acknowledged (and so before
        // its offset is committed): what AIRLINES_STORE_DURABILITY=disk costs. --durability-disk 0 skips it.
        boolean durabilityDisk = options.intValue(DURABILITY_DISK) == 1;
        Path work = Files.createTempDirectory("airlines-bench-sink-");
        List<Measurement> out = new ArrayList<>();
        // Without the shipped reference set and demo timetable, which a first start writes in the
        // background: the contenders measure a store that does nothing else.
        try (ServerProcess server = ServerProcess.builder(work.resolve("data")).env("AIRLINES_OFFLINE_DATA", "false")
                .jvmOptions(ServerJvm.options(options)).log(work.resolve("server.log")).start()) {
            server.awaitHealthy(Duration.ofSeconds(120));
            String bootstrap = "127.0.0.1:" + server.kafkaPort();
            String mongoUri = "mongodb://127.0.0.1:" + server.mongoPort();
            List<String> values = positions(records, flights, new Random(42));
            if (options.intValue(ENCODER_ROUNDS) > 0) {
                out.addAll(EncoderRace.run(name(), values, options.intValue(ENCODER_ROUNDS)));
            }

            double ceiling = rawCeiling(mongoUri, values);
            out.add(Measurement.of(name(), "store raw ceiling (insertMany 1000)", ceiling, "docs/s"));

            // Both sinks read the same records from one topic of their own, each in its own group.
            String topic = "bench.positions";
            BenchTopic.create(bootstrap, topic, partitions);
            produce(bootstrap, topic, values);
            try (MongoClient client = MongoClients.create(mongoUri)) {
                StoreSettings settings = storeSettings(options);
                List<Double> connectorRates = new ArrayList<>();
                List<Double> oursRates = new ArrayList<>();
                List<Double> diskRates = new ArrayList<>();
                out.add(Measurement.of(name(), "records", records, "records"));
                for (int trial = 1; trial <= trials; trial++) {
                    // A database and consumer groups of its own per trial: nothing is dropped (and
                    // reclaimed by the store) while the next contender runs.
                    MongoDatabase db = client.getDatabase(DATABASE + "_" + trial);
                    Drain connector = connector(bootstrap, mongoUri, db, topic, records, Math.min(partitions, 2),
                            work.resolve("connect-" + trial));
                    Drain ours = ours(bootstrap, mongoUri, db, "bench-ours-" + trial, topic, records, options,
                            StoreDurability.PROCESS, work.resolve("ours-" + trial));
                    connectorRates.add(connector.perSecond());
                    oursRates.add(ours.perSecond());
                    String suffix = trials == 1 ? "" : ", trial " + trial;
                    out.add(Measurement.of(name(), "connector throughput" + suffix, connector.perSecond(), "points/s"));
                    out.add(Measurement.of(name(), "ours (full track mode) throughput" + suffix, ours.perSecond(), "points/s"));
                    out.addAll(storedOnce("ours", suffix, db, records));
                    if (trials > 1) {
                        out.add(Measurement.of(name(), "ours / connector" + suffix, ours.perSecond() / connector.perSecond(), "ratio"));
                    }
                    if (durabilityDisk) {
                        MongoDatabase diskDb = client.getDatabase(DATABASE + "_" + trial + "_disk");
                        Drain disk = ours(bootstrap, mongoUri, diskDb, "bench-ours-disk-" + trial, topic, records, options,
                                StoreDurability.DISK, work.resolve("ours-disk-" + trial));
                        diskRates.add(disk.perSecond());
                        out.add(Measurement.of(name(), "ours durability disk throughput" + suffix, disk.perSecond(), "points/s"));
                        out.addAll(storedOnce("ours durability disk", suffix, diskDb, records));
                    }
                }
                double connectorRate = median(connectorRates);
                double oursRate = median(oursRates);
                if (trials > 1) {
                    out.add(Measurement.of(name(), "connector throughput, median of " + trials, connectorRate, "points/s"));
                    out.add(Measurement.of(name(), "ours throughput, median of " + trials, oursRate, "points/s"));
                }
                if (durabilityDisk) {
                    double diskRate = median(diskRates);
                    if (trials > 1) {
                        out.add(Measurement.of(name(), "ours durability disk throughput, median of " + trials, diskRate, "points/s"));
                    }
                    out.add(Measurement.of(name(), "ours durability disk / process", diskRate / oursRate, "ratio"));
                }
                double ratio = oursRate / connectorRate;
                out.add(Measurement.withGoal(name(), "ours / connector", ratio, "ratio", "≥ 3×", ratio >= 3));
                out.add(Measurement.of(name(), "connector / raw ceiling", connectorRate / ceiling, "ratio"));
                double vsCeiling = oursRate / ceiling;
                out.add(Measurement.withGoal(name(), "ours / raw ceiling", vsCeiling, "ratio", "≥ 0.8×", vsCeiling >= 0.8));
                if (options.intValue(LATENCY_SECONDS) > 0) {
                    out.addAll(latency(options, bootstrap, mongoUri, client, partitions, settings, work));
                }
            }
        } finally {
            // The broker's log of a full run is over a gigabyte.
            FileSystemUtils.deleteRecursively(work);
        }
        return out;
    }

    /** The official connector, one document per record, with its recommended settings. */
    private static Drain connector(String bootstrap, String mongoUri, MongoDatabase db, String topic, int records,
                                   int tasks, Path work) throws Exception {
        MongoCollection<Document> target = db.getCollection("connector_positions");
        try (MongoSinkConnectorRun connector = MongoSinkConnectorRun.start(bootstrap, mongoUri, db.getName(),
                "connector_positions", topic, tasks, work.resolve("connect"))) {
            return connector.awaitStored(target::estimatedDocumentCount, records, Duration.ofMinutes(30));
        }
    }

    /**
     * Our sink in {@code full} track mode (every point kept), on the same store, counting what
     * MongoDB acknowledged; offsets are committed after the write, as the connector's worker does.
     * It runs in a JVM of its own, as the connector's worker does ({@link SinkContenderRun}).
     */
    private static Drain ours(String bootstrap, String mongoUri, MongoDatabase db, String group, String topic,
                              int records, BenchOptions options, StoreDurability durability, Path work) throws Exception {
        Map<String, String> childOptions = storeOptions(options);
        childOptions.put(SinkContenderRun.DURABILITY, durability.name().toLowerCase(Locale.ROOT));
        try (SinkContenderRun ours = SinkContenderRun.start(bootstrap, mongoUri, db.getName(), group, topic, records,
                childOptions, work)) {
            return ours.awaitDrain(Duration.ofMinutes(30));
        }
    }

    /** That every record went into the track documents once, and into how many documents (how the writes fell). */
    private List<Measurement> storedOnce(String contender, String suffix, MongoDatabase db, int records) {
        long stored = storedPoints(db.getCollection(TrackIds.COLLECTION));
        return List.of(
                Measurement.withGoal(name(), contender + " points stored once" + suffix, stored, "points",
                        "= " + records, stored == records),
                Measurement.of(name(), contender + " track documents" + suffix,
                        db.getCollection(TrackIds.COLLECTION).countDocuments(), "documents"));
    }

    /**
     * The store's defaults (as {@code application.yml} leaves them) in {@code full} track mode;
     * {@code --store.flush-interval 2s} and the like override one for a run.
     */
    static StoreSettings storeSettings(BenchOptions options) {
        return storeSettings(options.values());
    }

    /** The {@code store.*} options of the run, which our sink's settings are bound from. */
    static Map<String, String> storeOptions(BenchOptions options) {
        Map<String, String> store = new HashMap<>();
        options.values().forEach((key, value) -> {
            if (key.startsWith("store.")) {
                store.put(key, value);
            }
        });
        return store;
    }

    /** As {@link #storeSettings(BenchOptions)}, from the {@code store.*} entries among {@code options}. */
    static StoreSettings storeSettings(Map<String, String> options) {
        Map<String, String> properties = new HashMap<>();
        properties.put("airlines.store.track-mode", "full");
        options.forEach((key, value) -> {
            if (key.startsWith("store.")) {
                properties.put("airlines." + key, value);
            }
        });
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("airlines.store", StoreSettings.class);
    }

    /**
     * Both sinks at once on a topic each, fed the same records at a fixed rate; see
     * {@link SinkLatency} for how visibility is measured.
     */
    private List<Measurement> latency(BenchOptions options, String bootstrap, String mongoUri, MongoClient client,
                                      int partitions, StoreSettings settings, Path work) throws Exception {
        int rate = options.intValue(LATENCY_RATE);
        int seconds = options.intValue(LATENCY_SECONDS);
        int warmUp = options.intValue(LATENCY_WARM_UP);
        // One position a second per flight, as the simulator and real receivers send them.
        int flights = options.given(LATENCY_FLIGHTS) ? options.intValue(LATENCY_FLIGHTS) : rate;
        int pollMillis = options.intValue(LATENCY_POLL_MS);
        int probes = options.intValue(LATENCY_PROBES);
        MongoDatabase db = client.getDatabase(DATABASE + "_latency");
        db.drop();
        String oursTopic = "bench.latency.ours";
        String connectorTopic = "bench.latency.connector";
        BenchTopic.create(bootstrap, oursTopic, partitions);
        BenchTopic.create(bootstrap, connectorTopic, partitions);
        String collection = "connector_latency";
        SinkLatency.Contender ours = SinkLatency.ours(oursTopic, db.getCollection(TrackIds.COLLECTION), settings.bucketSpan());
        SinkLatency.Contender connector = SinkLatency.connector(connectorTopic, db.getCollection(collection));
        SinkLatency phase = new SinkLatency(bootstrap, List.of(ours, connector), flights, Duration.ofMillis(pollMillis));
        long produced = flights + (long) rate * (warmUp + seconds);
        // Each sink in a JVM of its own, as in the throughput trials.
        try (MongoSinkConnectorRun worker = MongoSinkConnectorRun.start(bootstrap, mongoUri, db.getName(), collection,
                connectorTopic, Math.min(partitions, 2), work.resolve("connect-latency"));
             SinkContenderRun sink = SinkContenderRun.start(bootstrap, mongoUri, db.getName(), "bench-latency-ours",
                     oursTopic, produced, storeOptions(options), work.resolve("ours-latency"))) {
            try {
                phase.run(rate, warmUp, seconds, probes, Duration.ofMinutes(3), () -> {
                    worker.checkAlive();
                    sink.checkAlive();
                });
            } catch (IllegalStateException e) {
                // Both sinks run in JVMs of their own: what they logged is all there is to tell why.
                throw new IllegalStateException(e.getMessage() + "\nThe connector's worker logged:\n" + worker.logTail(60)
                        + "\nOur sink logged:\n" + sink.logTail(60), e);
            }
        }
        List<Measurement> out = new ArrayList<>();
        out.add(Measurement.of(name(), "latency: fixed rate per contender", rate, "records/s"));
        out.add(Measurement.of(name(), "latency: untimed warm-up at that rate", warmUp, "s"));
        out.add(Measurement.of(name(), "latency: flights (1 position/s each)", flights, "flights"));
        out.add(Measurement.of(name(), "latency: poll period (resolution)", pollMillis, "ms"));
        out.add(Measurement.of(name(), "latency: ours flush interval", settings.flushInterval().toMillis(), "ms"));
        out.add(Measurement.of(name(), "latency: ours caught-up flush interval", settings.caughtUpFlushInterval().toMillis(), "ms"));
        out.add(Measurement.of(name(), "latency: sends failed and sent again", phase.resent(), "records"));
        for (SinkLatency.Contender c : List.of(connector, ours)) {
            long[] sorted = c.sortedLatencies();
            out.add(Measurement.of(name(), c.name + " latency p50", SinkLatency.quantile(sorted, 0.50), "ms"));
            out.add(Measurement.of(name(), c.name + " latency p99", SinkLatency.quantile(sorted, 0.99), "ms"));
            out.add(Measurement.of(name(), c.name + " latency max", SinkLatency.quantile(sorted, 1.0), "ms"));
            out.add(Measurement.withGoal(name(), c.name + " latency points timed", sorted.length, "points",
                    "= " + phase.timed(), sorted.length == phase.timed()));
            long stored = c.stored();
            out.add(Measurement.withGoal(name(), c.name + " latency points stored", stored, "points",
                    "= " + produced, stored == produced));
            out.add(Measurement.of(name(), c.name + " latency mean poll time", c.meanPollMillis(), "ms"));
        }
        double ratio = (double) SinkLatency.quantile(ours.sortedLatencies(), 0.99)
                / Math.max(1, SinkLatency.quantile(connector.sortedLatencies(), 0.99));
        out.add(Measurement.withGoal(name(), "ours / connector latency p99", ratio, "ratio", "≤ 1×", ratio <= 1));
        return out;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Points held in the track buckets, counted once at the end. */
    static long storedPoints(MongoCollection<Document> buckets) {
        long total = 0;
        // Track documents hold up to a few hundred points each: a hundred documents a batch.
        for (Document bucket : buckets.find().projection(Projections.include("points.t")).batchSize(100)) {
            total += bucket.getList("points", Object.class, List.of()).size();
        }
        return total;
    }

    /** Canonical position JSON, flights spread over the partitions, time increasing per flight. */
    static List<String> positions(int records, int flights, Random random) {
        List<String> values = new ArrayList<>(records);
        long start = Instant.now().minusSeconds(3600).toEpochMilli();
        for (int i = 0; i < records; i++) {
            values.add(position(i % flights, start + (i / flights) * 1000L, random));
        }
        return values;
    }

    static String position(int flight, long time, Random random) {
        return String.format(Locale.ROOT,
                "{\"key\":\"b%05x\",\"callsign\":\"BNC%04d\",\"lat\":%.5f,\"lon\":%.5f,\"altitude\":%d,"
                        + "\"speed\":%d,\"track\":%.1f,\"verticalRate\":0.0,\"onGround\":false,\"time\":%d,\"source\":\"simulator\"}",
                flight, flight % 10000, -60 + random.nextDouble() * 120, -180 + random.nextDouble() * 360,
                9000 + random.nextInt(3000), 700 + random.nextInt(200), random.nextDouble() * 360, time);
    }

    static String keyOf(String json) {
        int at = json.indexOf("\"key\":\"") + 7;
        return json.substring(at, json.indexOf('"', at));
    }

    static void produce(String bootstrap, String topic, List<String> values) throws Exception {
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = producer(bootstrap, 20)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, keyOf(value), value), (metadata, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("could not write the records to " + topic, failed.get());
        }
    }

    /** Idempotent, acknowledged by all replicas, lz4, batches held up to {@code lingerMs}. */
    static KafkaProducer<String, String> producer(String bootstrap, int lingerMs) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer());
    }

    /** Plain unordered insertMany batches of the same documents: what the store can take at most. */
    static double rawCeiling(String mongoUri, List<String> values) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase(DATABASE);
            MongoCollection<Document> raw = db.getCollection("raw_ceiling");
            raw.drop();
            long started = System.nanoTime();
            List<Document> batch = new ArrayList<>(1000);
            for (String value : values) {
                batch.add(Document.parse(value));
                if (batch.size() == 1000) {
                    raw.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch = new ArrayList<>(1000);
                }
            }
            if (!batch.isEmpty()) {
                raw.insertMany(batch, new InsertManyOptions().ordered(false));
            }
            double rate = values.size() / ((System.nanoTime() - started) / 1e9);
            raw.drop();
            return rate;
        }
    }
}
