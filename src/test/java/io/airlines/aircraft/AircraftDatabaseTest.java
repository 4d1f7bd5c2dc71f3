package io.airlines.aircraft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class AircraftDatabaseTest {

    /** Shaped like the real files: unique registrations, a few thousand types and models, many operators. */
    private static AircraftRecord aircraft(int i) {
        return new AircraftRecord("N" + (10_000 + i % 90_000) + (char) ('A' + i % 20),
                "T" + (i % 2_500), "Model " + (i % 6_000), i % 3 == 0 ? null : "Operator " + (i % 40_000));
    }

    @Test
    void halfAMillionAircraftTakeLessThanFiftyBytesEach() {
        AircraftDatabase.Builder builder = new AircraftDatabase.Builder();
        int count = 500_000;
        Random random = new Random(1);
        int[] addresses = random.ints(0, 0x1000000).distinct().limit(count).toArray();
        for (int i = 0; i < count; i++) {
            builder.add(addresses[i], aircraft(i));
        }
        AircraftDatabase database = builder.build();
        assertThat(database.size()).isEqualTo(count);
        double perAircraft = (double) database.footprintBytes() / count;
        assertThat(perAircraft).as("heap bytes per aircraft").isLessThan(50);
        for (int i = 0; i < count; i += 997) {
            assertThat(database.find(addresses[i])).contains(aircraft(i));
        }
    }

    @Test
    void anAddressNotInTheDatabaseIsUnknown() {
        AircraftDatabase database = new AircraftDatabase.Builder()
                .add(0x3C6444, new AircraftRecord("D-ABYA", "B748", null, "Lufthansa")).build();
        assertThat(database.find(0x3C6445)).isEmpty();
        assertThat(database.find(0x3C6444)).contains(new AircraftRecord("D-ABYA", "B748", null, "Lufthansa"));
        assertThat(AircraftDatabase.empty().find(0x3C6444)).isEmpty();
    }
}
