package io.airlines.stream;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PipelineMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PipelineMetrics metrics = new PipelineMetrics(registry);

    @Test
    void latencies_reach_prometheus_as_histograms_and_the_stats_as_recent_quantiles() {
        long now = 1_000_000;
        for (int i = 0; i < 98; i++) {
            PipelineMetrics.recordSince(metrics.liveLatency, now - 100, now);
        }
        PipelineMetrics.recordSince(metrics.liveLatency, now - 3_000, now);
        PipelineMetrics.recordSince(metrics.liveLatency, now - 3_000, now);
        PipelineMetrics.recordSince(metrics.storeLatency, now + 500, now);

        PipelineMetrics.Sample sample = metrics.record(System.currentTimeMillis());

        assertThat(sample.liveP50()).isCloseTo(100, within(3L));
        assertThat(sample.liveP99()).isCloseTo(3_000, within(60L));
        assertThat(sample.storeP99()).as("a source clock ahead of ours counts as no delay").isZero();
        String scraped = registry.scrape();
        assertThat(scraped).contains("airlines_live_latency_seconds_bucket{le=\"+Inf\"} 100")
                .contains("airlines_live_latency_seconds_count 100")
                .contains("airlines_store_latency_seconds_count 1");
    }
}
