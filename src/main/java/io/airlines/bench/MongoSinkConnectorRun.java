package io.airlines.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official MongoDB Kafka sink connector ({@code org.mongodb.kafka:mongo-kafka-connect}) in a
 * Kafka Connect standalone worker, in its own JVM with its own class path as in production. Its
 * libraries are fetched from Maven Central once into {@code target/connect-lib} through
 * {@code bench/connect/pom.xml}.
 */
final class MongoSinkConnectorRun implements AutoCloseable {

    static final Path LIBS = Path.of("target", "connect-lib");

    /** The worker's JVM options; our sink runs under the same ({@link SinkContenderRun}). */
    static final List<String> WORKER_JVM_OPTIONS = List.of("-Xmx1g");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How often {@link #checkAlive()} asks the worker for its tasks' states. */
    private static final long STATUS_EVERY_NANOS = 1_000_000_000L;

    private final Process worker;
    private final Path log;
    private final URI status;
    private long statusAskedAt = System.nanoTime();

    private MongoSinkConnectorRun(Process worker, Path log, URI status) {
        this.worker = worker;
        this.log = log;
        this.status = status;
    }

    /**
     * Downloads the worker and connector once; a no-op when they are already there. A fresh
     * machine fetches them from Maven Central, which now and then fails a download: tried three
     * times, a minute apart at most, then the failure carries the end of Maven's output.
     */
    static void ensureLibraries() throws IOException, InterruptedException {
        if (Files.isDirectory(LIBS) && Files.list(LIBS).anyMatch(p -> p.getFileName().toString().startsWith("mongo-kafka-connect"))) {
            return;
        }
        Path pom = Path.of("bench", "connect", "pom.xml");
        if (!Files.exists(pom)) {
            throw new IllegalStateException("run ./airlines bench from the repository root (needs " + pom + ")");
        }
        Files.createDirectories(LIBS.getParent());
        Path output = LIBS.resolveSibling("connect-lib-fetch.log");
        for (int attempt = 1; ; attempt++) {
            Process mvn = new ProcessBuilder(maven(), "-B", "-ntp", "-f", pom.toString(), "dependency:copy-dependencies",
                    "-DoutputDirectory=" + LIBS.toAbsolutePath()).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!mvn.waitFor(10, TimeUnit.MINUTES)) {
                mvn.destroyForcibly();
            } else if (mvn.exitValue() == 0) {
                return;
            }
            if (attempt == 3) {
                throw new IllegalStateException("could not fetch the Kafka Connect worker and MongoDB connector with Maven"
                        + " (3 attempts); the last ended:\n" + Logs.tail(output, 40));
            }
            System.err.println("Fetching the Kafka Connect worker failed (attempt " + attempt + "), trying again:\n"
                    + Logs.tail(output, 10));
            Thread.sleep(attempt * 20_000L);
        }
    }

    /** Maven as the build found it: {@code mvn} on the path, else the project's wrapper. */
    private static String maven() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "mvn"))) {
                return "mvn";
            }
        }
        return Path.of("mvnw").toAbsolutePath().toString();
    }

    /** The end of the worker's log. */
    String logTail(int lines) {
        return Logs.tail(log, lines);
    }

    /**
     * Starts a standalone worker sinking {@code topic} into {@code database.collection} with the
     * connector's recommended settings (one task per partition, ordered bulk writes, offsets committed
     * by the worker after the writes of a batch succeeded).
     */
    static MongoSinkConnectorRun start(String bootstrapServers, String mongoUri, String database, String collection,
                                       String topic, int tasks, Path workDir) throws IOException, InterruptedException {
        ensureLibraries();
        Files.createDirectories(workDir);
        int restPort = ServerProcess.freePort();
        String name = "mongo-sink-" + database + "-" + collection;
        Path worker = workDir.resolve("worker.properties");
        Files.writeString(worker, String.join("\n",
                "bootstrap.servers=" + bootstrapServers,
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable=false",
                "offset.storage.file.filename=" + workDir.resolve("offsets"),
                "offset.flush.interval.ms=1000",
                "listeners=http://127.0.0.1:" + restPort,
                "consumer.auto.offset.reset=earliest",
                "consumer.max.poll.records=2000",
                "") );
        Path sink = workDir.resolve("mongo-sink.properties");
        Files.writeString(sink, String.join("\n",
                // The name is the worker's consumer group: one per target, so a new target reads the topic anew.
                "name=" + name,
                "connector.class=com.mongodb.kafka.connect.MongoSinkConnector",
                "tasks.max=" + tasks,
                "topics=" + topic,
                "connection.uri=" + mongoUri,
                "database=" + database,
                "collection=" + collection,
                "max.batch.size=0",
                "bulk.write.ordered=true",
                "errors.tolerance=none",
                ""));
        Path log4j = workDir.resolve("log4j.properties");
        Files.writeString(log4j, "log4j.rootLogger=WARN, stdout\nlog4j.appender.stdout=org.apache.log4j.ConsoleAppender\n"
                + "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout\nlog4j.appender.stdout.layout.ConversionPattern=%d %p %c{1} %m%n\n");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java")));
        command.addAll(WORKER_JVM_OPTIONS);
        command.addAll(List.of(
                "-Dlog4j.configuration=file:" + log4j.toAbsolutePath(),
                "-cp", LIBS.toAbsolutePath() + "/*",
                "org.apache.kafka.connect.cli.ConnectStandalone", worker.toString(), sink.toString()));
        Path logFile = workDir.resolve("connect.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        return new MongoSinkConnectorRun(process, logFile,
                URI.create("http://127.0.0.1:" + restPort + "/connectors/" + name + "/status"));
    }

    /**
     * Waits until {@code stored} reaches {@code expected}. Throughput is counted from the first
     * stored document on, so the worker's own start-up does not count against it.
     */
    Drain awaitStored(LongSupplier stored, long expected, Duration timeout) throws IOException, InterruptedException {
        return Drain.await(stored, expected, timeout, this::checkAlive);
    }

    /**
     * Fails when the worker died or, asked at most once a second, one of its tasks failed: a
     * failed task stays failed, its partitions unread, and the worker's process lives on.
     */
    void checkAlive() throws IOException, InterruptedException {
        if (!worker.isAlive()) {
            throw new IllegalStateException("Kafka Connect worker died:\n" + Logs.tail(log, Logs.QUOTED));
        }
        if (System.nanoTime() - statusAskedAt < STATUS_EVERY_NANOS) {
            return;
        }
        statusAskedAt = System.nanoTime();
        String failed = failedTasks();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("the MongoDB connector's task failed:\n" + failed + "\nThe worker logged:\n"
                    + logTail(60));
        }
    }

    /** The traces of the connector's failed tasks; empty when none failed or the worker does not answer yet. */
    private String failedTasks() throws InterruptedException {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? failedTasks(JSON.readTree(answer.body())) : "";
        } catch (IOException | JacksonException e) {
            return "";
        }
    }

    static String failedTasks(JsonNode status) {
        StringBuilder failed = new StringBuilder();
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asString())) {
                failed.append("task ").append(task.path("id").asInt()).append(": ").append(task.path("trace").asString())
                        .append('\n');
            }
        }
        return failed.toString();
    }

    @Override
    public void close() throws InterruptedException {
        worker.destroy();
        if (!worker.waitFor(20, TimeUnit.SECONDS)) {
            worker.destroyForcibly();
        }
    }
}
