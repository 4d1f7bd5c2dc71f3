package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PipelineFiguresTest {

    @Test
    void a_lag_that_stays_level_holds_even_when_high() {
        PipelineBenchmark.LagTrend trend = PipelineBenchmark.LagTrend.of(List.of(9_000L, 12_000L, 8_000L, 11_000L));
        assertThat(trend.firstHalf()).isEqualTo(12_000);
        assertThat(trend.secondHalf()).isEqualTo(11_000);
        assertThat(trend.holds(1_000)).isTrue();
    }

    @Test
    void store_growth_is_given_per_stored_point_or_as_what_compaction_gave_back() {
        assertThat(PipelineBenchmark.storeGrowth("pipeline", "15000 aircraft full", 1_000_000, 4_000))
                .extracting(Measurement::metric, Measurement::value, Measurement::unit)
                .containsExactly("15000 aircraft full: store file growth per stored point", 250.0, "bytes");
        assertThat(PipelineBenchmark.storeGrowth("pipeline", "15000 aircraft full", -3 * 1024 * 1024, 4_000))
                .extracting(Measurement::metric, Measurement::value, Measurement::unit)
                .containsExactly("15000 aircraft full: store files shrank during the load (compaction)", 3.0, "MiB");
        assertThat(PipelineBenchmark.storeGrowth("pipeline", "0 aircraft", 0, 0).value()).isZero();
    }

    @Test
    void a_lag_that_climbs_by_more_than_a_second_of_input_does_not_hold() {
        PipelineBenchmark.LagTrend trend = PipelineBenchmark.LagTrend.of(List.of(1_000L, 2_000L, 3_500L, 5_000L));
        assertThat(trend.holds(2_000)).isFalse();
        assertThat(trend.holds(3_000)).isTrue();
    }

    @Test
    void store_settings_given_as_options_reach_the_server_as_its_environment() {
        BenchOptions options = new BenchOptions(false, java.nio.file.Path.of("."),
                java.util.Map.of("store.bucket-span", "1m", "sizes", "100"));
        assertThat(PipelineBenchmark.storeOverrides(options)).containsExactly(java.util.Map.entry("AIRLINES_STORE_BUCKET_SPAN", "1m"));
    }

    @Test
    void catching_up_is_timed_from_the_sample_after_which_the_lag_stays_within_a_second_of_input() {
        assertThat(PipelineBenchmark.caughtUpAfter(List.of(2_000L, 60_000L, 30_000L, 2_500L, 9_000L), 25_000)).isEqualTo(20);
        assertThat(PipelineBenchmark.caughtUpAfter(List.of(2_000L, 60_000L, 2_500L, 90_000L), 25_000)).isEqualTo(-1);
        assertThat(PipelineBenchmark.caughtUpAfter(List.of(60_000L, 30_000L), 25_000)).isEqualTo(-1);
        // Within a second of input at the last sample only: nothing after it to call caught up.
        assertThat(PipelineBenchmark.caughtUpAfter(List.of(60_000L, 30_000L, 2_000L), 25_000)).isEqualTo(-1);
        assertThat(PipelineBenchmark.caughtUpAfter(List.of(100L, 200L), 25_000)).isEqualTo(5);
    }
}
