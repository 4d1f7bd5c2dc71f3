package io.airlines.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlines.stream.FlightEvent;
import io.airlines.stream.Position;
import io.airlines.stream.ReferenceData;
import org.junit.jupiter.api.Test;

class AlertTest {

    private static final ReferenceData REF = ReferenceData.builtIn();

    private static FlightEvent event(String type, String callsign, String squawk) {
        return new FlightEvent("3c6444-" + type + "-1000", type, "3c6444", callsign, 1000L, Flights.HAM_LAT, Flights.HAM_LON,
                squawk, null);
    }

    @Test
    void a_landing_names_the_flight_and_the_airport_where_it_happened() {
        Alert a = Alert.of(event("landing", "DLH400", "1000"), null, REF);
        assertThat(a.flight()).isEqualTo("LH400");
        assertThat(a.airport()).isEqualTo("HAM");
        assertThat(a.sentence()).isEqualTo("LH400 landed at Hamburg Airport (HAM)");
        assertThat(Alert.of(event("takeoff", "DLH400", "1000"), null, REF).sentence())
                .isEqualTo("LH400 took off from Hamburg Airport (HAM)");
    }

    @Test
    void an_emergency_squawk_is_explained_and_a_delay_says_how_late() {
        assertThat(Alert.of(event("emergency", "DLH400", "7700"), null, REF).sentence())
                .isEqualTo("LH400: squawk 7700: general emergency");
        assertThat(Alert.of(event("emergency", "DLH400", "7500"), null, REF).sentence()).endsWith("squawk 7500: hijack");
        assertThat(Alert.of(event("emergency", "DLH400", "7600"), null, REF).sentence()).endsWith("squawk 7600: radio failure");
        // a program may send any code as an emergency: said without a meaning it does not have
        assertThat(Alert.of(event("emergency", "DLH400", "1234"), null, REF).sentence()).endsWith("squawk 1234: emergency");
        Position late = Position.observed("3c6444", "DLH400", 50, 8, 10000.0, 800.0, 90.0, 0.0, "1000", false, "sbs", 1000)
                .withEnrichment("DLH", "Lufthansa", "cruise", 300.0, null, 25);
        assertThat(Alert.of(event("delay", "DLH400", "1000"), late, REF).sentence()).isEqualTo("DLH400 is expected 25 min late");
    }

    @Test
    void the_latest_position_of_another_flight_of_the_same_aircraft_does_not_rename_the_event() {
        Position next = Position.observed("3c6444", "DLH401", 50, 8, 0.0, 0.0, 0.0, 0.0, "1000", true, "sbs", 2000)
                .withRoute("LH401", "HAM", "FRA");
        Alert a = Alert.of(event("landing", "DLH400", "1000"), next, REF);
        assertThat(a.flight()).isEqualTo("LH400");
        assertThat(a.destination()).isNotEqualTo("FRA");
    }

    @Test
    void a_filter_lets_through_an_alert_matching_any_listed_flight_airport_or_aircraft() {
        Alert landing = Alert.of(event("landing", "DLH400", "1000"), null, REF);
        assertThat(AlertFilter.parse(null, null, null).matches(landing)).isTrue();
        assertThat(AlertFilter.parse("lh400", null, null).matches(landing)).isTrue();
        assertThat(AlertFilter.parse("DLH400", null, null).matches(landing)).isTrue();
        assertThat(AlertFilter.parse("LH401", null, null).matches(landing)).isFalse();
        assertThat(AlertFilter.parse("LH401", "ham", null).matches(landing)).isTrue();
        assertThat(AlertFilter.parse(null, "FRA,CDG", null).matches(landing)).isFalse();
        assertThat(AlertFilter.parse(null, null, "abc123, 3C6444").matches(landing)).isTrue();
    }

    @Test
    void a_webhook_signature_is_the_hex_hmac_sha256_of_the_body() {
        // A widely published HMAC-SHA256 example (key "key"), computed elsewhere.
        assertThat(new WebhookSignature("key").sign("The quick brown fox jumps over the lazy dog".getBytes()))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
