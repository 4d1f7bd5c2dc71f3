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
}
