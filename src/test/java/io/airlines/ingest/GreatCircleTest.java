package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;

import io.airlines.stream.Geo;
import org.junit.jupiter.api.Test;

class GreatCircleTest {

    @Test
    void points_and_tracks_agree_with_the_geo_formulas() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            double lat1 = r.nextDouble(-70, 70);
            double lon1 = r.nextDouble(-180, 180);
            double lat2 = r.nextDouble(-70, 70);
            double lon2 = r.nextDouble(-180, 180);
            double fraction = r.nextDouble(0, 0.99);
            GreatCircle.Point p = new GreatCircle(lat1, lon1, lat2, lon2).point(fraction);
            double[] expected = Geo.intermediate(lat1, lon1, lat2, lon2, fraction);
            assertThat(Geo.distanceKm(p.lat(), p.lon(), expected[0], expected[1])).isLessThan(0.001);
            double track = Geo.bearing(expected[0], expected[1], lat2, lon2);
            double difference = Math.abs(((p.track() - track) % 360 + 540) % 360 - 180);
            assertThat(difference).as("track at %s of %s,%s → %s,%s", fraction, lat1, lon1, lat2, lon2)
                    .isLessThan(0.01);
        }
    }

    @Test
    void the_end_is_the_destination_on_the_final_course() {
        GreatCircle fraToJfk = new GreatCircle(50.0379, 8.5622, 40.6413, -73.7781);
        GreatCircle.Point end = fraToJfk.point(1);
        assertThat(end.lat()).isEqualTo(40.6413);
        assertThat(end.lon()).isEqualTo(-73.7781);
        // Westbound great circle from Frankfurt arrives heading south-west.
        assertThat(end.track()).isCloseTo(fraToJfk.point(0.998).track(), offset(0.5)).isBetween(200.0, 260.0);
    }
}
