package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerMetricsTest {

    private static final ServerMetrics READING = new ServerMetrics("""
            # HELP jvm_gc_pause_seconds Time spent in GC pause
            # TYPE jvm_gc_pause_seconds summary
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 12
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.25
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Metadata GC Threshold",gc="G1 Young Generation"} 0.5
            airlines_store_file_live_percent 47.0
            airlines_store_file_live_percent_max 90.0
            """);

    @Test
    void a_value_is_the_line_of_exactly_that_name() {
        assertThat(READING.value("airlines_store_file_live_percent")).hasValue(47.0);
        assertThat(READING.value("airlines_store_file")).isEmpty();
    }

    @Test
    void a_sum_adds_the_metric_over_its_labels_and_nothing_else() {
        assertThat(READING.sum("jvm_gc_pause_seconds_sum")).hasValue(0.75);
        assertThat(READING.sum("jvm_gc_pause_seconds_max")).hasValue(0.0);
    }

    @Test
    void without_an_answer_nothing_is_known() {
        assertThat(ServerMetrics.NONE.value("airlines_store_file_live_percent")).isEmpty();
        assertThat(ServerMetrics.NONE.sum("jvm_gc_pause_seconds_sum")).isEmpty();
    }
}
