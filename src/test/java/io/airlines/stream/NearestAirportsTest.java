package io.airlines.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.airlines.reference.OfflineReference;
import io.airlines.reference.ReferenceKind;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NearestAirportsTest {

    static List<ReferenceData.Airport> shippedAirports() {
        List<ReferenceData.Airport> airports = new ArrayList<>();
        for (Document d : OfflineReference.load().get(ReferenceKind.AIRPORTS)) {
            Document p = d.get("position", Document.class);
            airports.add(new ReferenceData.Airport(d.getString("airport_code"), d.getString("airport_name"),
                    ((Number) p.get("Latitude")).doubleValue(), ((Number) p.get("Longitude")).doubleValue()));
        }
        return airports;
    }

    @Test
    void the_grid_finds_the_same_airport_as_a_search_through_all_of_them() {
        List<ReferenceData.Airport> airports = shippedAirports();
        NearestAirports index = new NearestAirports(airports);
        Random random = new Random(18);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // Near airports (where the answer is interesting), across the antimeridian and near the poles.
            ReferenceData.Airport a = airports.get(random.nextInt(airports.size()));
            points.add(new double[] {Math.max(-90, Math.min(90, a.lat() + random.nextGaussian() * 0.3)),
                    wrap(a.lon() + random.nextGaussian() * 0.3)});
        }
        points.add(new double[] {-16.7, 179.99});
        points.add(new double[] {-16.7, -179.99});
        points.add(new double[] {89.5, 10});
        for (double[] p : points) {
            assertThat(name(index.nearest(p[0], p[1], 25))).as("%f,%f", p[0], p[1])
                    .isEqualTo(name(bruteForce(airports, p[0], p[1], 25)));
        }
    }

    @Test
    void nothing_is_near_the_middle_of_the_ocean() {
        assertThat(new NearestAirports(shippedAirports()).nearest(45.0, -30.0, 25)).isNull();
    }

    private static ReferenceData.Airport bruteForce(List<ReferenceData.Airport> airports, double lat, double lon,
                                                    double withinKm) {
        ReferenceData.Airport best = null;
        double bestKm = withinKm;
        for (ReferenceData.Airport a : airports) {
            double km = Geo.distanceKm(lat, lon, a.lat(), a.lon());
            if (km <= bestKm) {
                best = a;
                bestKm = km;
            }
        }
        return best;
    }

    private static String name(ReferenceData.Airport a) {
        return a == null ? null : a.code();
    }

    private static double wrap(double lon) {
        return ((lon + 540) % 360) - 180;
    }
}
