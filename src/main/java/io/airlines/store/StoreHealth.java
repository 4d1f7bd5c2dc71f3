package io.airlines.store;

import io.airlines.stream.PipelineMetrics;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health component {@code positionStore}: DOWN while the sink cannot write to MongoDB. */
@Component("positionStore")
class StoreHealth implements HealthIndicator {

    private final PositionSink sink;
    private final PipelineMetrics metrics;

    public StoreHealth(PositionSink sink, PipelineMetrics metrics) {
        this.sink = sink;
        this.metrics = metrics;
    }

    @Override
    public Health health() {
        String failure = sink.failure();
        Health.Builder b = failure == null ? Health.up() : Health.down().withDetail("error", failure)
                .withDetail("action", "paused, retrying with backoff; Kafka keeps the backlog");
        return b.withDetail("lag", metrics.lag())
                .withDetail("stored", metrics.stored.sum())
                .withDetail("thinned", metrics.thinned.sum())
                .build();
    }
}
