package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapCensusTest {

    @Test
    void the_live_heap_is_the_total_line_of_a_class_histogram() {
        String histogram = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        820704      206671872  [B (java.base@17.0.15)
                   2:        807915       19389960  java.lang.String (java.base@17.0.15)
                Total       3473962      303469728
                """;
        assertThat(HeapCensus.totalOf(histogram)).contains(303_469_728L);
    }

    @Test
    void an_answer_without_a_total_gives_nothing() {
        assertThat(HeapCensus.totalOf("12345:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file")).isEmpty();
    }
}
