package io.airlines.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.airlines.store.TrackEncoders;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;

/**
 * The sink's hand BSON encoder against the driver's {@code BsonBinaryWriter} on the same track
 * buckets, in one JVM: turns alternate, and which goes first alternates too, so that warm-up, JIT
 * and garbage collection weigh on both alike. Each is rated by its median turn.
 */
final class EncoderRace {

    /** Points per bucket: 200 positions per flight of the throughput run, appended in writes of about this many. */
    private static final int PER_BUCKET = 40;

    private EncoderRace() {
    }

    static List<Measurement> run(String benchmark, List<String> values, int rounds) {
        PositionCodec codec = PositionCodec.standalone();
        List<Position> positions = new ArrayList<>(values.size());
        for (String value : values) {
            positions.add(codec.decode(value.getBytes(StandardCharsets.UTF_8)));
        }
        TrackEncoders buckets = TrackEncoders.of(positions, PER_BUCKET);
        List<Double> hand = new ArrayList<>();
        List<Double> driver = new ArrayList<>();
        long bytes = 0;
        for (int round = 0; round < rounds; round++) {
            boolean handFirst = round % 2 == 0;
            for (TrackEncoders.Encoder encoder : handFirst
                    ? List.of(TrackEncoders.Encoder.HAND, TrackEncoders.Encoder.DRIVER)
                    : List.of(TrackEncoders.Encoder.DRIVER, TrackEncoders.Encoder.HAND)) {
                long started = System.nanoTime();
                bytes += buckets.encode(encoder);
                double perPoint = (double) (System.nanoTime() - started) / buckets.points();
                (encoder == TrackEncoders.Encoder.HAND ? hand : driver).add(perPoint);
            }
        }
        double handMedian = SinkBenchmark.median(hand);
        double driverMedian = SinkBenchmark.median(driver);
        return List.of(
                Measurement.of(benchmark, "BSON encoding: points per turn", buckets.points(), "points"),
                Measurement.of(benchmark, "BSON encoding: turns each", rounds, "turns"),
                Measurement.of(benchmark, "BSON encoding: bytes per point", bytes / (2.0 * rounds * buckets.points()), "bytes"),
                Measurement.of(benchmark, "BSON encoding: hand (store/TrackBson), median", handMedian, "ns/point"),
                Measurement.of(benchmark, "BSON encoding: driver BsonBinaryWriter, median", driverMedian, "ns/point"),
                Measurement.of(benchmark, "BSON encoding: driver / hand", driverMedian / handMedian, "ratio"));
    }
}
