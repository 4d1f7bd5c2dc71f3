package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class EncoderRaceTest {

    @Test
    void both_encoders_take_their_turns_on_the_same_buckets_and_are_compared_by_their_medians() {
        List<Measurement> rows = EncoderRace.run("sink", SinkBenchmark.positions(2_000, 50, new Random(7)), 3);

        Map<String, Double> byMetric = rows.stream().collect(Collectors.toMap(Measurement::metric, Measurement::value));
        assertThat(byMetric).containsEntry("BSON encoding: points per turn", 2_000.0)
                .containsEntry("BSON encoding: turns each", 3.0);
        // Appends of 40 points with every field a simulated point has: about 100 bytes each.
        assertThat(byMetric.get("BSON encoding: bytes per point")).isBetween(80.0, 120.0);
        double hand = byMetric.get("BSON encoding: hand (store/TrackBson), median");
        double writer = byMetric.get("BSON encoding: driver BsonBinaryWriter, median");
        assertThat(hand).isPositive();
        assertThat(writer).isPositive();
        assertThat(byMetric.get("BSON encoding: driver / hand")).isCloseTo(writer / hand, offset(1e-9));
    }
}
