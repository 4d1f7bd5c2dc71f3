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
    void the_default_options_are_what_the_benchmarks_run() throws Exception {
        assertThat(javaOptions(Map.of())).isEqualTo(BENCHMARKED);
        assertThat(javaOptions(Map.of("AIRLINES_SIMULATOR_AIRCRAFT", "2000"))).isEqualTo(BENCHMARKED);
        assertThat(javaOptions(Map.of("AIRLINES_SIMULATOR_AIRCRAFT", "many"))).isEqualTo(BENCHMARKED);
    }

    @Test
    void the_heap_follows_the_aircraft_carried_as_the_benchmarks_give_it() throws Exception {
        for (int aircraft : new int[] {0, 12_000, 12_001, 25_000}) {
            String options = javaOptions(Map.of("AIRLINES_SIMULATOR_AIRCRAFT", String.valueOf(aircraft)));
            assertThat(options).as("%d aircraft", aircraft)
                    .isEqualTo(String.join(" ", StartupBenchmark.launcherOptionsWithHeap(StartupBenchmark.launcherHeap(aircraft))));
        }
        assertThat(StartupBenchmark.launcherHeap(25_000)).isEqualTo("768m");
        assertThat(javaOptions(Map.of("AIRLINES_TRAFFIC_AIRCRAFT", "25000"))).as("traffic fed from outside")
                .contains("-Xmx768m");
        assertThat(javaOptions(Map.of("AIRLINES_TRAFFIC_AIRCRAFT", "2000", "AIRLINES_SIMULATOR_AIRCRAFT", "25000")))
                .as("the larger of the two").contains("-Xmx768m");
        assertThat(javaOptions(Map.of("AIRLINES_TRAFFIC_AIRCRAFT", "12000"))).isEqualTo(BENCHMARKED);
        assertThat(ServerJvm.options(options(Map.of()), 25_000)).contains("-Xmx768m");
        assertThat(ServerJvm.options(options(Map.of("server-heap", "1g")), 25_000)).contains("-Xmx1g");
    }

    @Test
    void options_given_replace_the_defaults_whatever_the_fleet() throws Exception {
        assertThat(javaOptions(Map.of("AIRLINES_JAVA_OPTS", "-Xmx3g -XX:+UseZGC", "AIRLINES_SIMULATOR_AIRCRAFT", "25000")))
                .isEqualTo("-Xmx3g -XX:+UseZGC");
    }

    @Test
    void the_launcher_starts_with_the_options_script() throws IOException {
        assertThat(Files.readString(Path.of("airlines"))).contains("AIRLINES_JAVA_OPTS=$(scripts/java-options)\n");
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
    void the_image_runs_the_same_options_script() throws IOException {
        String image = Files.readString(Path.of("deploy", "Dockerfile"));
        assertThat(image).contains("COPY scripts/java-options /opt/airlines/java-options")
                .contains("exec java $(/opt/airlines/java-options) -jar")
                .doesNotContain("AIRLINES_JAVA_OPTS=");
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

    /** What {@code scripts/java-options} prints in an environment holding only these variables. */
    private static String javaOptions(Map<String, String> env) throws Exception {
        ProcessBuilder script = new ProcessBuilder("sh", "scripts/java-options").redirectErrorStream(true);
        script.environment().keySet().removeIf(name -> name.startsWith("AIRLINES_"));
        script.environment().putAll(env);
        Process process = script.start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
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
