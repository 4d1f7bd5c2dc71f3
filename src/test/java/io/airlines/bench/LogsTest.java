package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {

    @TempDir
    Path dir;

    @Test
    void a_failure_quotes_the_last_lines_of_a_log_even_with_a_cut_character() throws IOException {
        Path log = dir.resolve("server.log");
        byte[] cut = {'c', 'u', 't', ' ', (byte) 0xC3};
        Files.writeString(log, "one\ntwo\nthree\n");
        Files.write(log, cut, StandardOpenOption.APPEND);

        assertThat(Logs.tail(log, 2)).isEqualTo("three\ncut \uFFFD");
        assertThat(Logs.tail(log, 10)).startsWith("one\ntwo\n");
    }

    @Test
    void a_log_that_cannot_be_read_says_so() {
        assertThat(Logs.tail(dir.resolve("missing.log"), 5)).startsWith("(").contains("missing.log unreadable");
    }
}
