package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandIT {

    @TempDir
    Path out;

    @Test
    void the_startup_benchmark_runs_on_a_small_size_and_writes_both_reports() throws Exception {
        runs("startup", "--quick", "--idle-seconds", "1", "--out", out.toString());
        String json = Files.readString(out.resolve("report.json"));
        assertThat(json).contains("\"benchmark\" : \"startup\"").contains("cold start to healthy").contains("idle RSS")
                .contains("start to healthy on the loaded data directory").contains("RSS peak during the first-start data load")
                .contains("live heap after a full GC");
        assertThat(Files.readString(out.resolve("report.md"))).contains("| startup | cold start to healthy");
    }

    @Test
    void the_sink_comparison_runs_on_a_small_size_stores_every_point_once_and_times_both_sinks_at_a_fixed_rate()
            throws Exception {
        runs("sink", "--quick", "--records", "3000", "--flights", "100", "--trials", "2",
                "--latency-rate", "200", "--latency-seconds", "4", "--latency-probes", "20", "--out", out.toString());
        String json = Files.readString(out.resolve("report.json"));
        for (int trial = 1; trial <= 2; trial++) {
            // Each trial drains the whole topic anew, ours in a JVM of its own.
            assertThat(value(json, "ours points stored once, trial " + trial)).isEqualTo(3000);
            assertThat(value(json, "connector throughput, trial " + trial)).isPositive();
            assertThat(value(json, "ours (full track mode) throughput, trial " + trial)).isPositive();
            // And ours again with every write synced to disk (AIRLINES_STORE_DURABILITY=disk), side by side.
            assertThat(value(json, "ours durability disk points stored once, trial " + trial)).isEqualTo(3000);
            assertThat(value(json, "ours durability disk throughput, trial " + trial)).isPositive();
        }
        assertThat(value(json, "ours durability disk / process")).isEqualTo(
                value(json, "ours durability disk throughput, median of 2") / value(json, "ours throughput, median of 2"),
                offset(1e-3));
        double median = value(json, "ours throughput, median of 2");
        assertThat(median).isEqualTo((value(json, "ours (full track mode) throughput, trial 1")
                + value(json, "ours (full track mode) throughput, trial 2")) / 2, offset(1e-6 * median));
        assertThat(value(json, "ours / connector")).isEqualTo(median / value(json, "connector throughput, median of 2"),
                offset(1e-3));
        for (String contender : new String[] {"ours", "connector"}) {
            // 200 flights at 1 Hz for 4 s after one warm-up point each; every 10th flight timed.
            assertThat(value(json, contender + " latency points timed")).isEqualTo(80);
            assertThat(value(json, contender + " latency points stored")).isEqualTo(1000);
            for (String figure : new String[] {"p50", "p99", "max"}) {
                assertThat(value(json, contender + " latency " + figure)).as(contender + " " + figure).isPositive();
            }
        }
        assertThat(value(json, "ours latency p99")).isLessThanOrEqualTo(value(json, "ours latency max"));
        // Both contenders' topics are new: written at once, no batch of them is lost (KAFKA-15591).
        assertThat(value(json, "latency: sends failed and sent again")).isZero();
        // The sink's hand BSON encoder and the driver's BsonBinaryWriter, on the same track buckets.
        assertThat(value(json, "BSON encoding: points per turn")).isEqualTo(3000);
        double hand = value(json, "BSON encoding: hand (store/TrackBson), median");
        double writer = value(json, "BSON encoding: driver BsonBinaryWriter, median");
        assertThat(hand).isPositive();
        assertThat(writer).isPositive();
        assertThat(value(json, "BSON encoding: driver / hand")).isEqualTo(writer / hand, offset(1e-3));
        // And the flight states, by hand and as a Document through the driver's codec.
        assertThat(value(json, "state BSON: states per turn")).isEqualTo(3000);
        double handState = value(json, "state BSON: hand (store/StateBson), median");
        double driverState = value(json, "state BSON: driver Document and codec, median");
        assertThat(handState).isPositive();
        assertThat(value(json, "state BSON: driver / hand")).isEqualTo(driverState / handState, offset(1e-3));
        assertThat(value(json, "ours / connector latency p99")).isPositive();
    }

    /**
     * Runs the command, which must succeed; when it does not, the assertion carries the report's
     * account of what failed (the benchmark's exception and the logs it quotes), as CI prints only that.
     */
    private void runs(String... args) {
        int exit = BenchCommand.run(args);
        assertThat(exit).as(() -> "bench " + String.join(" ", args) + " failed:\n" + failures()).isZero();
    }

    /** The failures the report names, at most a few thousand characters of them. */
    private String failures() {
        try {
            String report = Files.readString(out.resolve("report.md"));
            int first = report.indexOf(" failed:**");
            String failed = first < 0 ? "(the report names no failure)" : report.substring(report.lastIndexOf("**", first));
            return failed.length() > 6_000 ? failed.substring(0, 6_000) + " …" : failed;
        } catch (java.io.IOException e) {
            return "no report: " + e;
        }
    }

    private static double value(String json, String metric) {
        Matcher m = Pattern.compile("\"metric\" : \"" + Pattern.quote(metric) + "\",\\s*\"value\" : ([0-9.E-]+)").matcher(json);
        assertThat(m.find()).as(metric + " in the report").isTrue();
        return Double.parseDouble(m.group(1));
    }

    /**
     * The pipeline at a small size loses nothing, and the saturation search judges each size by its
     * figures: the sink writes every 30 s, after a load of 8, so some point waits more than the
     * store latency goal's 10 s at any size. The first size breaks it, the search steps down (by
     * 300: to a single aircraft), which breaks it too, and stops there.
     */
    @Test
    void the_pipeline_benchmark_loses_nothing_and_its_saturation_search_steps_down_from_a_size_that_breaks_a_goal()
            throws Exception {
        runs("pipeline", "--quick", "--find-saturation", "300", "--saturation-factor", "300",
                "--saturation-max", "600", "--seconds", "8", "--store.flush-interval", "30s",
                "--store.caught-up-flush-interval", "30s", "--out", out.toString());
        String json = Files.readString(out.resolve("report.json"));
        assertThat(json).containsPattern("\"metric\" : \"300 aircraft thinned: lost\",\\s*\"value\" : 0\\.0")
                .containsPattern("\"metric\" : \"1 aircraft thinned: lost\",\\s*\"value\" : 0\\.0")
                .contains("store raw ceiling").doesNotContain("600 aircraft");
        assertThat(value(json, "300 aircraft thinned: refused by Kafka (send failed)")).isZero();
        assertThat(value(json, "300 aircraft thinned: store latency p99")).isGreaterThanOrEqualTo(10_000);
        assertThat(value(json, "saturation: most aircraft held")).isZero();
        assertThat(value(json, "saturation: least aircraft that broke a goal")).isEqualTo(1);
        assertThat(value(json, "saturation: broke: 1 aircraft thinned: store latency p99")).isGreaterThanOrEqualTo(10_000);
        assertThat(Files.readString(out.resolve("report.md"))).contains("| pipeline | saturation: most aircraft held | 0 |");
    }

    @Test
    void the_disk_benchmark_samples_a_running_server_and_reports_growth_and_the_kafka_cap() throws Exception {
        runs("disk", "--quick", "--aircraft", "100", "--seconds", "12",
                "--out", out.toString());
        String json = Files.readString(out.resolve("report.json"));
        assertThat(json).contains("growth, second half").contains("store at the 7-day retention horizon")
                .containsPattern("\"metric\" : \"Kafka log cap of the pipeline topics \\(defaults\\)\",\\s*\"value\" : [1-7]\\.");
        assertThat(json).containsPattern("\"metric\" : \"100 aircraft, 0.2 min: data dir at end\",\\s*\"value\" : [1-9]")
                .containsPattern("\"metric\" : \"100 aircraft, 0.2 min: store file in use by current data at end\",\\s*\"value\" : ([1-9][0-9]?|100)\\.");
        assertThat(value(json, "100 aircraft, 0.2 min: store file in use by current data, mean over the second half"))
                .isBetween(1.0, 100.0)
                .isGreaterThanOrEqualTo(value(json, "100 aircraft, 0.2 min: store file in use by current data, lowest of the second half"));
        assertThat(value(json, "100 aircraft, 0.2 min: store file written, second half (pages rewritten included)"))
                .as("the sink writes every few seconds").isPositive();
        assertThat(value(json, "100 aircraft, 0.2 min: record time to stored, mean over the second half"))
                .as("a server with 100 aircraft keeps up").isPositive().isLessThan(30);
        assertThat(value(json, "100 aircraft, 0.2 min: collector pauses, share of the second half"))
                .as("a server with 100 aircraft is not short of heap").isBetween(0.0, 50.0);
        assertThat(json).as("issue 21's goals are for 25,000 aircraft").doesNotContain("at 25,000 aircraft");
    }

    @Test
    void the_batch_benchmarks_run_on_a_small_size() throws Exception {
        runs("lufthansa-etl", "search", "--quick", "--items", "300",
                "--journeys", "3000", "--samples", "200", "--out", out.toString());
        assertThat(Files.readString(out.resolve("report.json")))
                .contains("\"benchmark\" : \"lufthansa-etl\"")
                .contains("rate-limit floor")
                .contains("search p50");
    }

    @Test
    void the_history_benchmark_fills_a_day_of_legs_and_times_the_airport_list_and_a_track_against_an_id_lookup()
            throws Exception {
        runs("history", "--quick", "--aircraft", "300", "--tracks", "50",
                "--samples", "100", "--out", out.toString());
        String json = Files.readString(out.resolve("report.json"));
        // About four legs an aircraft, and every sampled track is read back whole.
        assertThat(value(json, "legs stored")).isBetween(600.0, 2_000.0);
        assertThat(value(json, "legs with tracks")).isEqualTo(50);
        assertThat(value(json, "airport list: legs per page (mean)")).isPositive();
        assertThat(value(json, "track: points per leg (mean)")).isGreaterThan(100);
        assertThat(value(json, "_id lookups found")).isEqualTo(100);
        for (String figure : new String[] {"airport day list", "leg track", "_id lookup"}) {
            assertThat(value(json, figure + " p99")).as(figure).isGreaterThanOrEqualTo(value(json, figure + " p50"))
                    .isPositive();
        }
        assertThat(value(json, "airport day list p99 / _id lookup p99"))
                .isEqualTo(value(json, "airport day list p99") / value(json, "_id lookup p99"), offset(1e-3));
        assertThat(value(json, "leg track p99 / _id lookup p99")).isPositive();
    }

    @Test
    void an_unknown_benchmark_name_is_refused() {
        assertThat(BenchCommand.run(new String[] {"no-such-bench", "--out", out.toString()})).isEqualTo(2);
    }

    @Test
    void options_are_parsed_as_names_flags_and_values_with_store_settings_passed_through() {
        BenchCommand.Request request = parse("pipeline", "--quick", "--sizes", "500", "--seconds=30",
                "--store.bucket-span", "1m", "--store.writers=4");
        assertThat(request.names()).containsExactly("pipeline");
        assertThat(request.quick()).isTrue();
        assertThat(request.values()).containsEntry("sizes", "500").containsEntry("seconds", "30")
                .containsEntry("store.bucket-span", "1m").containsEntry("store.writers", "4");
    }

    @Test
    void a_mistyped_option_a_value_of_the_wrong_type_and_another_benchmarks_option_are_refused_with_exit_2() {
        assertThat(BenchCommand.run(new String[] {"sink", "--recrods", "5", "--out", out.toString()})).isEqualTo(2);
        assertThat(BenchCommand.run(new String[] {"sink", "--records", "many", "--out", out.toString()})).isEqualTo(2);
        assertThat(BenchCommand.run(new String[] {"pipeline", "--aircraft", "500", "--out", out.toString()})).isEqualTo(2);
        assertThat(out.resolve("report.json")).doesNotExist();
    }

    @Test
    void the_help_lists_every_benchmark_and_each_option_with_its_defaults() {
        java.io.StringWriter help = new java.io.StringWriter();
        new CommandLine(BenchCommand.spec(BenchCommand.discover())).usage(new java.io.PrintWriter(help));
        assertThat(help.toString()).contains("sink", "pipeline", "--records=N", "sink: position records to drain",
                "--track-mode=VALUE", "--quick", "--out=DIR");
    }

    private static BenchCommand.Request parse(String... args) {
        List<Benchmark> known = BenchCommand.discover();
        return BenchCommand.parse(new CommandLine(BenchCommand.spec(known)), known, args);
    }
}
