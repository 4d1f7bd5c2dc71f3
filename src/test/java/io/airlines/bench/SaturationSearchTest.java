package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.airlines.bench.PipelineGoals.Verdict;
import org.junit.jupiter.api.Test;

class SaturationSearchTest {

    /** A pipeline that holds up to {@code limit} aircraft and misses its store latency above. */
    private static SaturationSearch.Step holdingUpTo(int limit) {
        return size -> PipelineGoals.judge(size, List.of(
                PipelineGoals.liveP99("pipeline", size + " aircraft thinned", 300),
                PipelineGoals.storeP99("pipeline", size + " aircraft thinned", size <= limit ? 4_000 : 25_000)));
    }

    @Test
    void steps_grow_by_the_factor_to_two_significant_figures_and_end_at_the_upper_bound() {
        assertThat(new SaturationSearch(5_000, 1.5, 100_000, 1).steps())
                .containsExactly(5_000, 7_500, 11_000, 17_000, 26_000, 39_000, 59_000, 89_000, 100_000);
        assertThat(new SaturationSearch(20_000, 2, 80_000, 0).steps()).containsExactly(20_000, 40_000, 80_000);
    }

    @Test
    void a_step_too_small_to_round_up_still_adds_an_aircraft() {
        assertThat(new SaturationSearch(1, 1.1, 4, 0).steps()).containsExactly(1, 2, 3, 4);
        assertThat(SaturationSearch.next(99, 1.01)).isEqualTo(100);
    }

    @Test
    void the_search_stops_at_the_first_size_that_breaks_a_goal() throws Exception {
        SaturationSearch.Outcome outcome = new SaturationSearch(5_000, 1.5, 100_000, 0).run(holdingUpTo(30_000));

        assertSearched(outcome, 26_000, 39_000, 5_000, 7_500, 11_000, 17_000, 26_000, 39_000);
        assertThat(outcome.leastBroken().orElseThrow().broken()).extracting(Measurement::metric)
                .containsExactly("39000 aircraft thinned: store latency p99");
    }

    @Test
    void refining_runs_half_way_sizes_between_the_most_held_and_the_least_broken() throws Exception {
        // 26,000 held and 39,000 broke: 33,000 breaks, then 30,000 holds.
        assertSearched(new SaturationSearch(5_000, 1.5, 100_000, 2).run(holdingUpTo(31_000)), 30_000, 33_000,
                5_000, 7_500, 11_000, 17_000, 26_000, 39_000, 33_000, 30_000);
    }

    @Test
    void refining_stops_once_no_whole_size_is_left_between() throws Exception {
        assertSearched(new SaturationSearch(10, 1.2, 100, 5).run(holdingUpTo(12)), 12, 13, 10, 12, 14, 13);
    }

    private static void assertSearched(SaturationSearch.Outcome outcome, int mostHeld, int leastBroken, Integer... sizesRun) {
        assertThat(outcome.sizesRun()).containsExactly(sizesRun);
        assertThat(outcome.mostHeld()).isEqualTo(mostHeld);
        assertThat(outcome.leastBroken()).map(Verdict::size).contains(leastBroken);
    }

    @Test
    void half_way_sizes_are_rounded_to_the_scale_of_the_gap() {
        assertThat(SaturationSearch.between(17_000, 26_000)).isEqualTo(22_000);
        assertThat(SaturationSearch.between(24_000, 26_000)).isEqualTo(25_000);
        assertThat(SaturationSearch.between(20, 30)).isEqualTo(25);
    }

    @Test
    void the_report_gives_the_most_held_against_the_goal_and_each_goal_broken_at_the_least_broken_size()
            throws Exception {
        List<Measurement> figures = new SaturationSearch(40_000, 1.5, 100_000, 0).run(holdingUpTo(60_000))
                .figures("pipeline", 50_000);

        assertThat(figures).extracting(Measurement::metric, Measurement::value, Measurement::met).containsExactly(
                tuple("saturation: most aircraft held", 60_000.0, true),
                tuple("saturation: least aircraft that broke a goal", 90_000.0, null),
                tuple("saturation: broke: 90000 aircraft thinned: store latency p99", 25_000.0, false));
        assertThat(figures.get(2).goal()).isEqualTo("< 10000 ms");
    }

    @Test
    void when_the_first_size_breaks_a_goal_the_search_steps_down_until_one_holds_then_refines() throws Exception {
        // 20,000 breaks, 13,000 breaks, 8,700 holds; half-way 11,000 breaks.
        SaturationSearch.Outcome outcome = new SaturationSearch(20_000, 1.5, 100_000, 1).run(holdingUpTo(10_000));

        assertSearched(outcome, 8_700, 11_000, 20_000, 13_000, 8_700, 11_000);
        assertThat(outcome.figures("pipeline", 50_000).get(0))
                .extracting(Measurement::value, Measurement::met).containsExactly(8_700.0, false);
    }

    @Test
    void stepping_down_ends_at_a_single_aircraft_when_nothing_holds() throws Exception {
        SaturationSearch.Outcome outcome = new SaturationSearch(5, 2, 100, 2).run(holdingUpTo(0));

        assertThat(outcome.sizesRun()).containsExactly(5, 3, 2, 1);
        assertThat(outcome.mostHeld()).isZero();
        assertThat(outcome.leastBroken()).map(Verdict::size).contains(1);
    }

    @Test
    void a_step_down_is_rounded_and_always_below() {
        assertThat(SaturationSearch.previous(20_000, 1.5)).isEqualTo(13_000);
        assertThat(SaturationSearch.previous(13_000, 1.5)).isEqualTo(8_700);
        assertThat(SaturationSearch.previous(2, 1.01)).isEqualTo(1);
        assertThat(SaturationSearch.previous(3, 100)).isEqualTo(1);
    }

    @Test
    void when_every_size_up_to_the_bound_holds_the_report_says_so() throws Exception {
        SaturationSearch.Outcome outcome = new SaturationSearch(20_000, 2, 80_000, 1).run(holdingUpTo(1_000_000));

        assertThat(outcome.sizesRun()).containsExactly(20_000, 40_000, 80_000);
        assertThat(outcome.leastBroken()).isEmpty();
        assertThat(outcome.figures("pipeline", 50_000)).extracting(Measurement::metric, Measurement::value)
                .containsExactly(tuple("saturation: most aircraft held", 80_000.0),
                        tuple("saturation: no goal broke up to the upper bound", 80_000.0));
    }

    @Test
    void a_search_that_cannot_step_up_is_refused() {
        assertThatThrownBy(() -> new SaturationSearch(5_000, 1, 100_000, 1)).hasMessageContaining("--saturation-factor");
        assertThatThrownBy(() -> new SaturationSearch(5_000, 1.5, 4_000, 1)).hasMessageContaining("--saturation-max");
        assertThatThrownBy(() -> new SaturationSearch(0, 1.5, 4_000, 1)).hasMessageContaining("--find-saturation");
    }

    @Test
    void the_search_is_asked_for_by_its_start_and_its_options_are_refused_without_it_or_beside_sizes() {
        assertThat(PipelineBenchmark.saturationSearch(options(Map.of()))).isEmpty();
        assertThat(PipelineBenchmark.saturationSearch(options(Map.of("find-saturation", "5000", "saturation-factor", "1.25"))))
                .contains(new SaturationSearch(5_000, 1.25, 100_000, 1));
        assertThatThrownBy(() -> PipelineBenchmark.saturationSearch(options(Map.of("saturation-max", "60000"))))
                .hasMessage("--saturation-max needs --find-saturation");
        assertThatThrownBy(() -> PipelineBenchmark.saturationSearch(options(Map.of("find-saturation", "5000", "sizes", "1000"))))
                .hasMessage("--sizes and --find-saturation exclude each other");
        assertThatThrownBy(() -> PipelineBenchmark.saturationSearch(options(Map.of("find-saturation", "5000",
                "saturation-factor", "twice")))).hasMessageContaining("--saturation-factor must be a number above 1, not twice");
    }

    @Test
    void a_search_judged_once_caught_up_is_asked_for_by_name_and_its_report_says_so() throws Exception {
        SaturationSearch search = PipelineBenchmark.saturationSearch(options(Map.of("find-saturation", "20000",
                "saturation-judge", "once-caught-up"))).orElseThrow();
        assertThat(search.judging()).isEqualTo(PipelineGoals.Judging.ONCE_CAUGHT_UP);
        assertThat(search.run(holdingUpTo(30_000)).figures("pipeline", 50_000).get(0).metric())
                .isEqualTo("saturation: most aircraft held once caught up");

        assertThat(PipelineBenchmark.saturationSearch(options(Map.of("find-saturation", "20000"))).orElseThrow().judging())
                .isEqualTo(PipelineGoals.Judging.WHOLE_LOAD);
        assertThatThrownBy(() -> PipelineBenchmark.saturationSearch(options(Map.of("find-saturation", "20000",
                "saturation-judge", "warm")))).hasMessage("--saturation-judge must be whole-load or once-caught-up, not warm");
        assertThatThrownBy(() -> PipelineBenchmark.saturationSearch(options(Map.of("saturation-judge", "once-caught-up"))))
                .hasMessage("--saturation-judge needs --find-saturation");
    }

    private static BenchOptions options(Map<String, String> values) {
        return new BenchOptions(false, Path.of("."), values);
    }
}
