package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The benchmarks measure the JVM the launcher and the image run: the three option lists agree. */
class LauncherOptionsTest {

    private static final String BENCHMARKED = String.join(" ", StartupBenchmark.LAUNCHER_JVM_OPTIONS);

    @Test
    void the_launcher_default_is_what_the_benchmarks_run() throws IOException {
        assertThat(quoted(Path.of("airlines"), "\\$\\{AIRLINES_JAVA_OPTS:=([^}]*)}")).isEqualTo(BENCHMARKED);
    }

    @Test
    void the_launcher_runs_its_class_data_archive_with_the_options_the_benchmarks_pass_on() throws IOException {
        String launcher = Files.readString(Path.of("airlines"));
        String archive = quoted(Path.of("airlines"), "\nARCHIVE=(\\S+)\n");
        assertThat(quoted(Path.of("airlines"), "\nARCHIVE_OPTS=\"([^\"]*)\"").replace("$ARCHIVE", archive))
                .isEqualTo(String.join(" ", StartupBenchmark.archiveOptions(Path.of(archive))));
        assertThat(launcher).contains("exec java $AIRLINES_JAVA_OPTS $archive_opts -jar");
    }

    @Test
    void the_image_runs_the_same_options() throws IOException {
        assertThat(quoted(Path.of("deploy", "Dockerfile"), "AIRLINES_JAVA_OPTS=\"([^\"]*)\"")).isEqualTo(BENCHMARKED);
    }

    @Test
    void the_pipeline_benchmark_may_give_the_server_another_heap_and_keeps_the_other_options() {
        assertThat(StartupBenchmark.launcherOptionsWithHeap("1g")).contains("-Xmx1g").doesNotContain("-Xmx512m")
                .hasSameSizeAs(StartupBenchmark.LAUNCHER_JVM_OPTIONS)
                .containsAll(StartupBenchmark.LAUNCHER_JVM_OPTIONS.stream().filter(o -> !o.startsWith("-Xmx")).toList());
    }

    @Test
    void a_benchmark_may_give_the_server_other_options_in_place_of_the_launchers() {
        assertThat(ServerJvm.options(options(Map.of()))).isEqualTo(StartupBenchmark.LAUNCHER_JVM_OPTIONS);
        assertThat(ServerJvm.options(options(Map.of("server-heap", "1g")))).contains("-Xmx1g");
        assertThat(ServerJvm.options(options(Map.of("server-java-opts", " -Xmx768m  -XX:+UseParallelGC "))))
                .containsExactly("-Xmx768m", "-XX:+UseParallelGC");
        assertThatThrownBy(() -> ServerJvm.options(options(Map.of("server-heap", "1g",
                "server-java-opts", "-Xmx768m")))).hasMessageContaining("exclude each other");
    }

    private static BenchOptions options(Map<String, String> values) {
        return new BenchOptions(false, Path.of("."), values);
    }

    private static String quoted(Path file, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(file));
        assertThat(m.find()).as("%s matches %s", file, regex).isTrue();
        return m.group(1);
    }
}
