package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PipelineGoalsTest {

    private static final String N = "pipeline";
    private static final String LABEL = "25000 aircraft thinned";

    @Test
    void latency_goals_hold_only_below_a_second_live_and_ten_seconds_to_the_store() {
        assertThat(PipelineGoals.liveP99(N, LABEL, 999).met()).isTrue();
        assertThat(PipelineGoals.liveP99(N, LABEL, 1_000).met()).isFalse();
        assertThat(PipelineGoals.storeP99(N, LABEL, 9_999).met()).isTrue();
        assertThat(PipelineGoals.storeP99(N, LABEL, 10_000).met()).isFalse();
    }

    @Test
    void nothing_lost_holds_only_once_drained() {
        assertThat(PipelineGoals.lost(N, LABEL, 0, true)).extracting(Measurement::metric, Measurement::met)
                .containsExactly(LABEL + ": lost", true);
        assertThat(PipelineGoals.lost(N, LABEL, 1, true).met()).isFalse();
        assertThat(PipelineGoals.lost(N, LABEL, 0, false)).extracting(Measurement::metric, Measurement::met)
                .containsExactly(LABEL + ": backlog left after 5 min drain", false);
    }

    @Test
    void the_lag_and_memory_goals_follow_the_trend_and_two_gibibytes() {
        PipelineBenchmark.LagTrend growing = PipelineBenchmark.LagTrend.of(List.of(1_000L, 2_000L, 30_000L, 60_000L));
        assertThat(PipelineGoals.lagNotGrowing(N, LABEL, growing, 25_000).met()).isFalse();
        assertThat(PipelineGoals.lagNotGrowing(N, LABEL, growing, 60_000).met()).isTrue();
        assertThat(PipelineGoals.rss(N, LABEL, 2_047.9).met()).isTrue();
        assertThat(PipelineGoals.rss(N, LABEL, 2_048).met()).isFalse();
    }

    @Test
    void a_size_holds_when_every_figure_with_a_goal_met_it_and_figures_without_one_do_not_count() {
        PipelineGoals.Verdict verdict = PipelineGoals.judge(25_000, List.of(
                Measurement.of(N, LABEL + ": produced", 3_000_000, "records"),
                PipelineGoals.lost(N, LABEL, 0, true),
                Measurement.withGoal(N, LABEL + ": live view latency p50", 400, "ms", "-", true),
                PipelineGoals.liveP99(N, LABEL, 900),
                PipelineGoals.storeP99(N, LABEL, 6_000)));

        assertThat(verdict.held()).isTrue();
        assertThat(verdict.broken()).isEmpty();
    }

    @Test
    void a_size_breaks_with_every_goal_it_missed_in_the_order_measured() {
        PipelineGoals.Verdict verdict = PipelineGoals.judge(25_000, List.of(
                PipelineGoals.lost(N, LABEL, 0, true),
                PipelineGoals.liveP99(N, LABEL, 128_000),
                PipelineGoals.storeP99(N, LABEL, 6_000),
                PipelineGoals.lagNotGrowing(N, LABEL, PipelineBenchmark.LagTrend.of(List.of(0L, 100_000L)), 25_000)));

        assertThat(verdict.held()).isFalse();
        assertThat(verdict.size()).isEqualTo(25_000);
        assertThat(verdict.broken()).extracting(Measurement::metric).containsExactly(
                LABEL + ": live view latency p99", LABEL + ": consumer lag max, second half");
    }

    /** A run like row 7's: the start-up burst broke the live p99 over the whole load, warm it held. */
    private static List<Measurement> burstThenSteady(long caughtUpSeconds, long lost) {
        List<Measurement> figures = new java.util.ArrayList<>(List.of(
                PipelineGoals.lost(N, LABEL, lost, true),
                PipelineGoals.liveP99(N, LABEL, 3_500),
                PipelineGoals.storeP99(N, LABEL, 3_800),
                PipelineGoals.caughtUp(N, LABEL, caughtUpSeconds)));
        if (caughtUpSeconds >= 0) {
            figures.add(PipelineGoals.liveP99OnceCaughtUp(N, LABEL, 420));
            figures.add(PipelineGoals.storeP99OnceCaughtUp(N, LABEL, 2_500));
        }
        figures.add(PipelineGoals.rss(N, LABEL, 1_150));
        return figures;
    }

    @Test
    void over_the_whole_load_the_burst_counts_and_once_caught_up_only_the_warm_latencies_do() {
        List<Measurement> figures = burstThenSteady(55, 0);

        assertThat(PipelineGoals.judge(25_000, figures).broken()).extracting(Measurement::metric)
                .containsExactly(LABEL + ": live view latency p99");
        assertThat(PipelineGoals.judge(25_000, figures, PipelineGoals.Judging.ONCE_CAUGHT_UP).held()).isTrue();
    }

    @Test
    void once_caught_up_needs_catching_up_within_the_load_and_still_nothing_lost() {
        assertThat(PipelineGoals.judge(25_000, burstThenSteady(-1, 0), PipelineGoals.Judging.ONCE_CAUGHT_UP).broken())
                .extracting(Measurement::metric)
                .containsExactly(LABEL + ": caught up (lag ≤ 1 s of input from then on) after");
        assertThat(PipelineGoals.judge(25_000, burstThenSteady(55, 3), PipelineGoals.Judging.ONCE_CAUGHT_UP).broken())
                .extracting(Measurement::metric).containsExactly(LABEL + ": lost");
    }

    @Test
    void warm_latencies_over_their_goals_break_a_size_judged_once_caught_up() {
        List<Measurement> figures = List.of(PipelineGoals.caughtUp(N, LABEL, 20),
                PipelineGoals.liveP99OnceCaughtUp(N, LABEL, 1_200), PipelineGoals.storeP99OnceCaughtUp(N, LABEL, 12_000),
                PipelineGoals.liveP99(N, LABEL, 900));

        assertThat(PipelineGoals.judge(25_000, figures, PipelineGoals.Judging.ONCE_CAUGHT_UP).broken())
                .extracting(Measurement::metric).containsExactly(LABEL + ": once caught up: live view latency p99",
                        LABEL + ": once caught up: store latency p99");
        assertThat(PipelineGoals.judge(25_000, figures).held()).isTrue();
    }
}
