package io.airlines.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import io.airlines.config.LocalPorts;

/**
 * The server as a separate process, on free loopback ports and its own data directory: used by
 * the start-up benchmark and by tests that restart, kill or misconfigure the server.
 */
public final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final Map<String, String> env;
    private final long startedNanos;

    private ServerProcess(Process process, Path log, Map<String, String> env, long startedNanos) {
        this.process = process;
        this.log = log;
        this.env = env;
        this.startedNanos = startedNanos;
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public int httpPort() {
        return Integer.parseInt(env.get("SERVER_PORT"));
    }

    public int kafkaPort() {
        return Integer.parseInt(env.get("AIRLINES_KAFKA_PORT"));
    }

    public int mongoPort() {
        return Integer.parseInt(env.get("AIRLINES_MONGO_PORT"));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + httpPort() + path;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code /actuator/health} says UP; returns the time since launch. */
    public Duration awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + output());
            }
            if (healthy()) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            pause(100);
        }
        throw new IllegalStateException("server not healthy within " + timeout + ":\n" + output());
    }

    public boolean healthy() {
        return get("/actuator/health").filter(body -> body.endsWith("\"status\":\"UP\"}")).isPresent();
    }

    /** The body of a 200 answer to GET {@code path}, or empty when the server does not give one. */
    public Optional<String> get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The server's {@code /actuator/prometheus} now, in one answer ({@link ServerMetrics#NONE} when it gives none). */
    ServerMetrics metrics() {
        return get("/actuator/prometheus").map(ServerMetrics::new).orElse(ServerMetrics.NONE);
    }

    /** A gauge's value from the server's {@code /actuator/prometheus}, when it exposes one of that name. */
    public OptionalDouble metric(String name) {
        return metrics().value(name);
    }

    /** Resident set size from /proc, when the platform has it. */
    public Optional<Long> rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** SIGTERM, then waits; returns how long the stop took. */
    public Duration stop(Duration timeout) {
        long started = System.nanoTime();
        process.destroy();
        awaitExit(timeout);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL: no shutdown hook runs, as in a crash. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("process still alive after " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
    }

    public static int freePort() {
        return LocalPorts.free();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code -jar} from the packaged jar, or the main class from an exploded class path (tests). */
    static List<String> launchArguments() {
        String classPath = System.getProperty("java.class.path");
        boolean packaged = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)
                && ServerProcess.class.getClassLoader().getClass().getName().contains("springframework.boot.loader");
        return packaged ? List.of("-jar", classPath)
                : List.of("-cp", classPath, "io.airlines.Application");
    }

    public static final class Builder {

        private final Path dataDir;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        private Path log;
        private Path jar;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
            env.put("AIRLINES_DATA_DIR", dataDir.toString());
            int[] ports = LocalPorts.free(4);
            env.put("SERVER_PORT", String.valueOf(ports[0]));
            env.put("AIRLINES_KAFKA_PORT", String.valueOf(ports[1]));
            env.put("AIRLINES_KAFKA_CONTROLLER_PORT", String.valueOf(ports[2]));
            env.put("AIRLINES_MONGO_PORT", String.valueOf(ports[3]));
            env.put("AIRLINES_SIMULATOR_AIRCRAFT", "0");
            // A first start generates two weeks of demo timetable otherwise: a minute of a core, taken
            // from whatever the test or benchmark runs meanwhile.
            env.put("AIRLINES_DEMO_DAYS", "1");
        }

        /**
         * The first start of a user, for the benchmarks that measure it: the demo timetable the
         * launcher generates, or two days of it in a quick run, which checks the method, not the figures.
         */
        public Builder usersFirstStart(boolean quick) {
            if (quick) {
                env.put("AIRLINES_DEMO_DAYS", "2");
            } else {
                env.remove("AIRLINES_DEMO_DAYS");
            }
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Same ports as another server, e.g. to restart it on its data directory. */
        public Builder portsOf(ServerProcess other) {
            for (String k : List.of("SERVER_PORT", "AIRLINES_KAFKA_PORT", "AIRLINES_KAFKA_CONTROLLER_PORT", "AIRLINES_MONGO_PORT")) {
                env.put(k, other.env.get(k));
            }
            return this;
        }

        public Builder jvmOptions(List<String> options) {
            jvmOptions.clear();
            jvmOptions.addAll(options);
            return this;
        }

        /** Runs this jar ({@code -jar}) instead of what the current process runs from. */
        public Builder jar(Path file) {
            this.jar = file;
            return this;
        }

        public Builder log(Path file) {
            this.log = file;
            return this;
        }

        public ServerProcess start() {
            try {
                Path logFile = log != null ? log : Files.createTempFile("airlines-server-", ".log");
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                List<String> command = new ArrayList<>();
                command.add(ProcessHandle.current().info().command().orElse("java"));
                command.addAll(jvmOptions);
                command.addAll(jar != null ? List.of("-jar", jar.toString()) : launchArguments());
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(logFile.toFile());
                builder.environment().keySet().removeIf(k -> k.startsWith("AIRLINES_") || k.equals("KAFKA_BOOTSTRAP_SERVERS")
                        || k.equals("MONGODB_URI") || k.equals("SERVER_PORT"));
                builder.environment().putAll(env);
                long started = System.nanoTime();
                return new ServerProcess(builder.start(), logFile, Map.copyOf(env), started);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
