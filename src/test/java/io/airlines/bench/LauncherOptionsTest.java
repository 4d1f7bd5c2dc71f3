package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void the_image_runs_the_same_options() throws IOException {
        assertThat(quoted(Path.of("deploy", "Dockerfile"), "AIRLINES_JAVA_OPTS=\"([^\"]*)\"")).isEqualTo(BENCHMARKED);
    }

    private static String quoted(Path file, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(file));
        assertThat(m.find()).as("%s sets AIRLINES_JAVA_OPTS", file).isTrue();
        return m.group(1);
    }
}
