package io.airlines.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.airlines.config.KafkaConnection;
import io.airlines.config.StoreDurability;
import io.airlines.store.PositionSink;
import io.airlines.store.StoreSettings;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.PositionCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Our sink draining a topic in a JVM of its own, started like the connector's worker (same heap
 * options, cold), so that neither contender runs warm in a JVM the other has not: in the
 * benchmark's own JVM ours ran 119k, 147k, then 176k points/s in three trials while the
 * connector, started anew each time, stayed at 52–56k. The child measures its drain and writes
 * it to a file; {@code ./airlines bench-sink-contender} is its entry point.
 */
record SinkContenderRun(Process process, Path log, Path result) implements AutoCloseable {

    public static final String COMMAND = "bench-sink-contender";
    /** The option naming the {@link StoreDurability} our sink writes with. */
    static final String DURABILITY = "durability";

    /** Starts our sink on {@code topic} into {@code database}, in group {@code group}, until {@code records} are stored. */
    static SinkContenderRun start(String bootstrap, String mongoUri, String database, String group, String topic,
                                  long records, Map<String, String> storeOptions, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path result = workDir.resolve("drain.txt");
        Path log = workDir.resolve("sink.log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(MongoSinkConnectorRun.WORKER_JVM_OPTIONS);
        command.addAll(ServerProcess.launchArguments());
        command.addAll(List.of(COMMAND, "--bootstrap", bootstrap, "--mongo", mongoUri, "--database", database,
                "--group", group, "--topic", topic, "--records", Long.toString(records), "--result", result.toString()));
        storeOptions.forEach((key, value) -> command.addAll(List.of("--" + key, value)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new SinkContenderRun(process, log, result);
    }

    /** Waits for the child to drain everything and returns how it went. */
    Drain awaitDrain(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("our sink did not drain within " + timeout + ":\n" + Logs.tail(log, Logs.QUOTED));
        }
        if (process.exitValue() != 0 || !Files.exists(result)) {
            throw new IllegalStateException("our sink failed (exit " + process.exitValue() + "):\n" + Logs.tail(log, Logs.QUOTED));
        }
        String[] fields = Files.readString(result).trim().split(" ");
        return new Drain(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Duration.ofNanos(Long.parseLong(fields[2])));
    }

    /** The end of the sink's log. */
    String logTail(int lines) {
        return Logs.tail(log, lines);
    }

    void checkAlive() throws IOException {
        if (!process.isAlive() && process.exitValue() != 0) {
            throw new IllegalStateException("our sink died:\n" + Logs.tail(log, Logs.QUOTED));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * The child: {@code --bootstrap --mongo --database --group --topic --records --result
     * [--durability process|disk] [--store.* value]}.
     */
    public static int child(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        StoreSettings settings = SinkBenchmark.storeSettings(options);
        long records = Long.parseLong(options.get("records"));
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
        StoreDurability durability = StoreDurability.valueOf(options.getOrDefault(DURABILITY, "process").toUpperCase(Locale.ROOT));
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(options.get("mongo")))
                .writeConcern(durability.writeConcern(null)).build())) {
            PositionSink sink = new PositionSink(new KafkaClients(KafkaConnection.to(options.get("bootstrap"))),
                    PositionCodec.standalone(), metrics, settings, client.getDatabase(options.get("database")),
                    options.get("group"), options.get("topic"));
            sink.start();
            Drain drain;
            try {
                drain = Drain.await(metrics.sinkReceived::sum, metrics.stored::sum, records, Duration.ofMinutes(30), () -> { });
            } finally {
                sink.stop();
            }
            Files.writeString(Path.of(options.get("result")),
                    drain.expected() + " " + drain.firstSeen() + " " + drain.firstToAll().toNanos() + "\n");
            return 0;
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }
}
