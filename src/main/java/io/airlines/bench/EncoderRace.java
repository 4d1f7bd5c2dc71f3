package io.airlines.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import io.airlines.store.StateEncoders;
import io.airlines.store.TrackEncoders;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;

/**
 * The sink's hand BSON encoders against the driver's on the same documents, in one JVM: track
 * buckets against its {@code BsonBinaryWriter}, flight states against a {@code Document} through
 * its codec. Turns alternate, and which goes first alternates too, so that warm-up, JIT and
 * garbage collection weigh on both alike. Each is rated by its median turn.
 */
final class EncoderRace {

    /** Points per bucket: 200 positions per flight of the throughput run, appended in writes of about this many. */
    private static final int PER_BUCKET = 40;
    /** States per turn at most: a state round of the world's traffic. */
    private static final int MAX_STATES = 25_000;

    private EncoderRace() {
    }

    static List<Measurement> run(String benchmark, List<String> values, int rounds) {
        PositionCodec codec = PositionCodec.standalone();
        List<Position> positions = new ArrayList<>(values.size());
        for (String value : values) {
            positions.add(codec.decode(value.getBytes(StandardCharsets.UTF_8)));
        }
        TrackEncoders buckets = TrackEncoders.of(positions, PER_BUCKET);
        List<Measurement> out = new ArrayList<>();
        out.add(Measurement.of(benchmark, "BSON encoding: points per turn", buckets.points(), "points"));
        out.add(Measurement.of(benchmark, "BSON encoding: turns each", rounds, "turns"));
        out.addAll(race(benchmark, "BSON encoding", "point", "hand (store/TrackBson)", "driver BsonBinaryWriter",
                buckets::encode, buckets.points(), rounds));

        StateEncoders states = new StateEncoders(positions.stream().limit(MAX_STATES).map(EncoderRace::enriched).toList());
        out.add(Measurement.of(benchmark, "state BSON: states per turn", states.states(), "states"));
        out.addAll(race(benchmark, "state BSON", "state", "hand (store/StateBson)", "driver Document and codec",
                states::encode, states.states(), rounds));
        return out;
    }

    /** Alternating turns of both encoders over {@code items}; each one's median time per item, and their ratio. */
    private static List<Measurement> race(String benchmark, String prefix, String item, String handName, String driverName,
                                          ToLongFunction<TrackEncoders.Encoder> encode, int items, int rounds) {
        List<Double> hand = new ArrayList<>();
        List<Double> driver = new ArrayList<>();
        long bytes = 0;
        for (int round = 0; round < rounds; round++) {
            boolean handFirst = round % 2 == 0;
            for (TrackEncoders.Encoder encoder : handFirst
                    ? List.of(TrackEncoders.Encoder.HAND, TrackEncoders.Encoder.DRIVER)
                    : List.of(TrackEncoders.Encoder.DRIVER, TrackEncoders.Encoder.HAND)) {
                long started = System.nanoTime();
                bytes += encode.applyAsLong(encoder);
                double perItem = (double) (System.nanoTime() - started) / items;
                (encoder == TrackEncoders.Encoder.HAND ? hand : driver).add(perItem);
            }
        }
        double handMedian = SinkBenchmark.median(hand);
        double driverMedian = SinkBenchmark.median(driver);
        return List.of(
                Measurement.of(benchmark, prefix + ": bytes per " + item, bytes / (2.0 * rounds * items), "bytes"),
                Measurement.of(benchmark, prefix + ": " + handName + ", median", handMedian, "ns/" + item),
                Measurement.of(benchmark, prefix + ": " + driverName + ", median", driverMedian, "ns/" + item),
                Measurement.of(benchmark, prefix + ": driver / hand", driverMedian / handMedian, "ratio"));
    }

    /** The position with what the pipeline adds to a state: flight, airline, route, phase, ETA, identity. */
    private static Position enriched(Position p) {
        return new Position(p.key(), p.callsign(), "LH" + p.key().substring(1), "LH", "Lufthansa", "FRA", "JFK",
                p.lat(), p.lon(), p.altitude(), p.speed(), p.track(), p.verticalRate(), "1000", p.onGround(), "cruise",
                4_200.5, "2026-12-07T18:05:00Z", 12, p.source(), p.time(), p.time() + 400, null, "D-AIMA", "A388",
                "Germany");
    }
}
