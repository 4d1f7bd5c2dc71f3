package io.airlines.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.airlines.Application;

/**
 * The real server in a child JVM, started from the test classpath, for the configurations the
 * shared in-JVM context cannot have (other settings, restarts, SIGKILL). Each instance gets free
 * ports and its own data directory, kept across {@link #restart()} so a restarted server finds
 * its broker log and store file; everything it prints goes to {@link #log()} under target/.
 *
 * <pre>
 * try (AppProcess app = AppProcess.withEnv(Map.of("AIRLINES_API_KEY", "k")).start()) {
 *     app.awaitHealthy();
 *     Http.get(app.url("/api/v1/live"));
 *     app.kill();            // SIGKILL
 *     app.restart().awaitHealthy();
 * }
 * </pre>
 */
public final class AppProcess implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, String> env;
    private final List<String> args;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private Process process;

    private AppProcess(Map<String, String> extraEnv, List<String> args) {
        this.args = List.copyOf(args);
        int n = COUNTER.incrementAndGet();
        try {
            Path logs = Files.createDirectories(Path.of("target", "app-process"));
            this.log = logs.resolve("app-" + ProcessHandle.current().pid() + "-" + n + ".log").toAbsolutePath();
            this.dataDir = Files.createTempDirectory("airlines-app-" + n + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = FreePorts.next();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("SERVER_PORT", String.valueOf(port));
        all.put("AIRLINES_BIND", "127.0.0.1");
        all.put("AIRLINES_DATA_DIR", dataDir.toString());
        all.put("AIRLINES_KAFKA_PORT", String.valueOf(FreePorts.next()));
        all.put("AIRLINES_KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
        all.put("AIRLINES_MONGO_PORT", String.valueOf(FreePorts.next()));
        all.put("KAFKA_BOOTSTRAP_SERVERS", "");
        all.put("MONGODB_URI", "");
        all.put("MONGODB_DATABASE", "airlines_test");
        all.putAll(extraEnv);
        this.env = Map.copyOf(all);
    }

    /** A server with free ports and its own data dir; {@code env} adds or overrides variables. */
    public static AppProcess withEnv(Map<String, String> env) {
        return new AppProcess(env, List.of());
    }

    /** Same, with program arguments (e.g. a subcommand). */
    public static AppProcess withEnv(Map<String, String> env, List<String> args) {
        return new AppProcess(env, args);
    }

    public AppProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-Djava.awt.headless=true"));
        command.add("@" + argFile());
        command.add(Application.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only what we choose: the parent's AIRLINES_* or MONGODB_URI must not leak into the child.
        builder.environment().keySet().removeIf(k -> k.startsWith("AIRLINES_") || k.startsWith("KAFKA_")
                || k.startsWith("MONGODB_") || k.startsWith("SERVER_") || k.startsWith("SPRING_"));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until {@code /actuator/health} says UP; fails at once, with the log, if the JVM exits. */
    public AppProcess awaitHealthy() {
        return awaitHealthy(HEALTHY_TIMEOUT);
    }

    public AppProcess awaitHealthy(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue()
                        + " before it was healthy; its output:\n" + tail(4000));
            }
            return healthy();
        });
        return this;
    }

    public boolean healthy() {
        if (!Http.listening("127.0.0.1", port)) {
            return false;
        }
        try {
            HttpResponse<String> health = Http.get(url("/actuator/health"));
            return health.statusCode() == 200 && health.body().endsWith("\"status\":\"UP\"}");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the server still runs after " + timeout + "; its output:\n" + tail(4000));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM: a graceful shutdown. Returns the exit code. */
    public int stop() {
        return end(false);
    }

    /** SIGKILL: the process dies at once, with no chance to flush or commit anything. */
    public int kill() {
        return end(true);
    }

    private int end(boolean forcibly) {
        if (process == null) {
            return -1;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(forcibly ? 10 : 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The embedded broker's child threads die with the JVM; wait for its ports to be released.
        await().atMost(Duration.ofSeconds(20)).until(() -> !Http.listening("127.0.0.1", port));
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Starts again with the same environment, ports and data directory. */
    public AppProcess restart() {
        if (process != null && process.isAlive()) {
            stop();
        }
        return start();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String env(String name) {
        return env.get(name);
    }

    /** The embedded broker of this server, for producers and consumers in the test. */
    public String bootstrapServers() {
        String external = env.get("KAFKA_BOOTSTRAP_SERVERS");
        return external == null || external.isBlank() ? "127.0.0.1:" + env.get("AIRLINES_KAFKA_PORT") : external;
    }

    /** The embedded store of this server. */
    public String mongoUri() {
        String external = env.get("MONGODB_URI");
        return external == null || external.isBlank() ? "mongodb://127.0.0.1:" + env.get("AIRLINES_MONGO_PORT") : external;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    /** Everything the server printed so far (all its runs). */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail(int chars) {
        String all = output();
        return all.length() <= chars ? all : all.substring(all.length() - chars);
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }

    /** The classpath may exceed the limit of one command-line argument: pass it in a file. */
    private Path argFile() {
        Path file = log.resolveSibling(log.getFileName().toString().replace(".log", ".args"));
        String classpath = System.getProperty("java.class.path");
        try {
            Files.writeString(file, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
