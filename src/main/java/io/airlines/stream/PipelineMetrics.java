package io.airlines.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The pipeline's counters, exposed to Micrometer ({@code /actuator/prometheus}) and sampled every
 * 10 s into an hour of history for {@code /api/v1/stats}. Counting is exact: every raw record ends
 * as valid, DLQ'd or duplicate; every valid one as stored or thinned.
 */
@Component
public class PipelineMetrics {

    public static final long SAMPLE_MS = 10_000;

    public final LongAdder in = new LongAdder();
    public final LongAdder valid = new LongAdder();
    public final LongAdder dlq = new LongAdder();
    public final LongAdder duplicates = new LongAdder();
    /** Dropped at ingest because the aircraft is on the privacy block list: never stored nor shown. */
    public final LongAdder blocked = new LongAdder();
    public final LongAdder flagged = new LongAdder();
    public final LongAdder events = new LongAdder();
    public final LongAdder sinkReceived = new LongAdder();
    public final LongAdder stored = new LongAdder();
    public final LongAdder thinned = new LongAdder();
    public final LongAdder alreadyStored = new LongAdder();
    public final LongAdder storeWrites = new LongAdder();
    public final LongAdder storeFailures = new LongAdder();
    /** Offset commits sent without waiting that failed; the next commit carries their offsets too. */
    public final LongAdder offsetCommitFailures = new LongAdder();
    /** Validated outputs the broker did not acknowledge: sent again, or read again from the last commit. */
    public final LongAdder sendFailures = new LongAdder();
    /** Records whose handling kept failing: sent to the DLQ, or skipped by the live view. */
    public final LongAdder unhandled = new LongAdder();
    /** From a record's creation at its source to the live view; {@link #record} reads its recent quantiles. */
    public final Timer liveLatency;
    /** From a record's creation at its source to its point acknowledged by the store. */
    public final Timer storeLatency;

    private volatile LongSupplier lag = () -> 0;
    private volatile LongSupplier validateLag = () -> 0;
    private volatile LongSupplier live = () -> 0;
    private final ArrayDeque<Sample> history = new ArrayDeque<>();
    private Sample last;

    /** One 10 s sample; latencies are this window's quantiles in ms (record creation to live view / to store). */
    public record Sample(long time, double messagesIn, double dlq, long live, double storeWrites, long lag,
                         long totalIn, long totalDlq, long totalStored, long liveP50, long liveP99, long storeP50,
                         long storeP99) {
    }

    public PipelineMetrics(MeterRegistry registry) {
        counter(registry, "airlines.positions.in", "raw records read", in);
        counter(registry, "airlines.positions.valid", "records validated", valid);
        counter(registry, "airlines.positions.dlq", "records sent to the DLQ", dlq);
        counter(registry, "airlines.positions.duplicates", "duplicate records dropped", duplicates);
        counter(registry, "airlines.positions.blocked", "records dropped by the privacy block list", blocked);
        counter(registry, "airlines.positions.stored", "points stored", stored);
        counter(registry, "airlines.positions.thinned", "points thinned by rule", thinned);
        counter(registry, "airlines.store.writes", "bulk write operations acknowledged", storeWrites);
        counter(registry, "airlines.store.failures", "failed store writes (retried)", storeFailures);
        counter(registry, "airlines.store.offset.commit.failures",
                "store sink offset commits that failed (the next commit covers them)", offsetCommitFailures);
        counter(registry, "airlines.events", "flight events emitted", events);
        counter(registry, "airlines.positions.send.failures",
                "validated outputs not acknowledged by the broker (sent again or reread)", sendFailures);
        counter(registry, "airlines.records.unhandled", "records whose handling kept failing (DLQ or skipped)", unhandled);
        liveLatency = latency(registry, "airlines.live.latency", "from a record's creation at its source to the live view");
        storeLatency = latency(registry, "airlines.store.latency", "from a record's creation at its source to the store's acknowledgement");
        Gauge.builder("airlines.store.lag", () -> lag.getAsLong()).description("store sink consumer lag").register(registry);
        Gauge.builder("airlines.live.aircraft", () -> live.getAsLong()).description("flights in the live view").register(registry);
    }

    /**
     * A histogram for Prometheus ({@code _bucket} series, aggregatable across instances) and
     * quantiles over about the last sample period, for {@code /api/v1/stats}.
     */
    private static Timer latency(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description)
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99)
                .percentilePrecision(2)
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .distributionStatisticExpiry(Duration.ofMillis(SAMPLE_MS))
                .distributionStatisticBufferLength(2)
                .register(registry);
    }

    /** Milliseconds elapsed since {@code since}, a source's timestamp: a clock ahead of ours counts as 0. */
    public static void recordSince(Timer timer, long since, long now) {
        timer.record(Math.max(0, now - since), TimeUnit.MILLISECONDS);
    }

    private static void counter(MeterRegistry registry, String name, String description, LongAdder adder) {
        FunctionCounter.builder(name, adder, LongAdder::doubleValue).description(description).register(registry);
    }

    /** The store sink's lag (records not yet acknowledged by MongoDB). */
    public void lagFrom(LongSupplier supplier) {
        this.lag = supplier;
    }

    /** The validation stage's lag (raw records not yet validated). */
    public void validateLagFrom(LongSupplier supplier) {
        this.validateLag = supplier;
    }

    public long validateLag() {
        return validateLag.getAsLong();
    }

    public long storeLag() {
        return lag.getAsLong();
    }

    public void liveFrom(LongSupplier supplier) {
        this.live = supplier;
    }

    /** Records between a source and the store: not yet validated plus not yet stored. */
    public long lag() {
        return lag.getAsLong() + validateLag.getAsLong();
    }

    public long liveCount() {
        return live.getAsLong();
    }

    @Scheduled(fixedRate = SAMPLE_MS, initialDelay = SAMPLE_MS)
    public void sample() {
        record(System.currentTimeMillis());
    }

    synchronized Sample record(long now) {
        Sample previous = last;
        double seconds = previous == null ? 10 : Math.max(0.001, (now - previous.time()) / 1000.0);
        long totalIn = in.sum();
        long totalDlq = dlq.sum();
        long totalStored = stored.sum();
        Sample s = new Sample(now,
                previous == null ? 0 : (totalIn - previous.totalIn()) / seconds,
                previous == null ? 0 : (totalDlq - previous.totalDlq()) / seconds,
                liveCount(),
                previous == null ? 0 : (totalStored - previous.totalStored()) / seconds,
                lag(), totalIn, totalDlq, totalStored, quantile(liveLatency, 0), quantile(liveLatency, 1),
                quantile(storeLatency, 0), quantile(storeLatency, 1));
        last = s;
        history.addLast(s);
        while (history.size() > 360) {
            history.removeFirst();
        }
        return s;
    }

    /** The {@code index}th published quantile (0: p50, 1: p99) in whole milliseconds, 0 when nothing was timed. */
    private static long quantile(Timer timer, int index) {
        ValueAtPercentile[] values = timer.takeSnapshot().percentileValues();
        double ms = values.length > index ? values[index].value(TimeUnit.MILLISECONDS) : 0;
        return Double.isNaN(ms) ? 0 : Math.round(ms);
    }

    public synchronized List<Sample> history() {
        return new ArrayList<>(history);
    }

    public synchronized Sample latest() {
        return last;
    }

    /** Every exact counter, for benchmarks and audits: nothing is lost when the equations balance. */
    public Map<String, Long> totals() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("in", in.sum());
        m.put("valid", valid.sum());
        m.put("dlq", dlq.sum());
        m.put("duplicates", duplicates.sum());
        m.put("blocked", blocked.sum());
        m.put("flagged", flagged.sum());
        m.put("events", events.sum());
        m.put("sinkReceived", sinkReceived.sum());
        m.put("stored", stored.sum());
        m.put("thinned", thinned.sum());
        m.put("alreadyStored", alreadyStored.sum());
        m.put("storeWrites", storeWrites.sum());
        m.put("storeFailures", storeFailures.sum());
        m.put("validateLag", validateLag());
        m.put("storeLag", storeLag());
        return m;
    }
}
