package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's extracted jar and class data archive (scripts/class-data-archive), made from the
 * packaged jar as {@code ./airlines start} makes them, and run with the launcher's options.
 */
class ClassDataArchiveIT {

    private static final Path PACKAGED_JAR = Path.of("target", "airlines.jar");

    @TempDir
    Path dir;

    @Test
    void the_server_reaches_healthy_on_the_archive_and_a_stale_archive_is_skipped_without_a_word() throws Exception {
        Path app = dir.resolve("app");
        List<String> make = new ArrayList<>(List.of("scripts/class-data-archive", PACKAGED_JAR.toString(), app.toString()));
        make.addAll(StartupBenchmark.LAUNCHER_JVM_OPTIONS);
        // The user's settings point at a data directory and an unreachable cluster: training uses neither.
        Path userData = dir.resolve("user-data");
        Path scratch = Files.createDirectory(dir.resolve("tmp"));
        ProcessBuilder build = new ProcessBuilder(make);
        build.environment().putAll(Map.of("AIRLINES_DATA_DIR", userData.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "TMPDIR", scratch.toString()));
        Path buildOut = dir.resolve("build.out");
        assertThat(run(build, buildOut)).as("the archive's build step, see %s", buildOut).isZero();
        assertThat(userData).doesNotExist();
        assertThat(scratch).as("the training's throwaway data directory, removed").isEmptyDirectory();
        Path jar = app.resolve("airlines.jar");
        List<String> launcherOptions = new ArrayList<>(StartupBenchmark.LAUNCHER_JVM_OPTIONS);
        launcherOptions.addAll(StartupBenchmark.archiveOptions(app.resolve("airlines.jsa")));

        // -Xshare:on: the JVM refuses to start rather than run without the archive.
        List<String> archiveRequired = new ArrayList<>(launcherOptions);
        archiveRequired.add("-Xshare:on");
        try (ServerProcess server = ServerProcess.builder(dir.resolve("data")).jar(jar).jvmOptions(archiveRequired).start()) {
            server.awaitHealthy(Duration.ofMinutes(2));
        }

        // A jar changed after the archive was made: the JVM no longer uses it, and says nothing.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        List<String> stale = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        stale.addAll(launcherOptions);
        stale.addAll(List.of("-jar", jar.toString(), "etl", "--help"));
        Path out = dir.resolve("stale.out");
        assertThat(run(new ProcessBuilder(stale), out)).isZero();
        assertThat(Files.readString(out)).contains("Usage:").doesNotContain("archive").doesNotContain("cds");
    }

    private static int run(ProcessBuilder command, Path output) throws Exception {
        Process process = command.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s ends", command.command()).isTrue();
        return process.exitValue();
    }
}
