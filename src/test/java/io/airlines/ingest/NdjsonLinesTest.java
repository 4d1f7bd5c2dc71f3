package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

    private static List<String> read(String body, int max) throws IOException {
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), max);
        List<String> out = new ArrayList<>();
        for (NdjsonLines.Line l = lines.next(); l != null; l = lines.next()) {
            out.add(l.number() + ":" + (l.tooLong() ? "TOO LONG" : new String(l.bytes(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void lines_keep_their_numbers_across_blank_ones_and_lose_their_line_ends() throws IOException {
        assertThat(read("{\"a\":1}\r\n\n  \r\n{\"b\":2}\n{\"c\":\"é\"}", 100))
                .containsExactly("1:{\"a\":1}", "4:{\"b\":2}", "5:{\"c\":\"é\"}");
        assertThat(read("", 100)).isEmpty();
        assertThat(read("\n\n", 100)).isEmpty();
    }

    @Test
    void a_line_over_the_limit_is_reported_and_the_next_one_still_read() throws IOException {
        assertThat(read("x".repeat(50) + "\n{\"ok\":1}\n", 10)).containsExactly("1:TOO LONG", "2:{\"ok\":1}");
    }
}
