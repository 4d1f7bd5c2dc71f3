package io.airlines.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

import io.airlines.stream.Position;
import org.junit.jupiter.api.Test;

class CompactRowsTest {

    @Test
    void rows_follow_the_field_order_with_rounded_numbers_and_escaped_strings() {
        Position p = new Position("3c6444", "DLH\"400", "LH400", "DLH", "Lufthansa", "FRA", "JFK", 50.123456789,
                8.6, 10668.4, 850.6, 285.54, 0.04, "1000", false, "cruise", null, null, null, "simulator", 1L, 1L, null, "D-AIMA", "A388", "DE");
        String m = CompactRows.message(1764581000000L, 7, List.of(p), List.of("abc123"));
        assertThat(m).isEqualTo("{\"time\":1764581000000,\"total\":7,\"fields\":" + CompactRows.FIELDS
                + ",\"rows\":[[\"3c6444\",50.12346,8.60000,10668,285.5,851,0.0,\"DLH\\\"400\",\"1000\",\"DLH\",\"FRA\",\"JFK\",0,\"simulator\",\"D-AIMA\",\"A388\"]],"
                + "\"removed\":[\"abc123\"]}");
    }

    @Test
    void unknown_values_are_null() {
        Position p = Position.observed("k", null, 1, 2, null, null, null, null, null, true, "sbs", 1);
        assertThat(CompactRows.message(1, 1, List.of(p), List.of()))
                .contains("[\"k\",1.00000,2.00000,null,null,null,null,null,null,null,null,null,1,\"sbs\",null,null]")
                .endsWith("\"removed\":[]}");
    }

    private static String fixed5(Double v) {
        StringBuilder b = new StringBuilder();
        CompactRows.fixed5(b, v);
        return b.toString();
    }

    @Test
    void coordinates_round_half_away_from_zero_with_five_decimals_and_no_signed_zero() {
        assertThat(fixed5(null)).isEqualTo("null");
        assertThat(fixed5(Double.NaN)).isEqualTo("null");
        assertThat(fixed5(0.0)).isEqualTo("0.00000");
        assertThat(fixed5(-0.0)).isEqualTo("0.00000");
        assertThat(fixed5(1e-6)).isEqualTo("0.00000");
        assertThat(fixed5(-0.000004)).isEqualTo("0.00000");
        assertThat(fixed5(-0.000006)).isEqualTo("-0.00001");
        assertThat(fixed5(0.00001)).isEqualTo("0.00001");
        assertThat(fixed5(-12.3)).isEqualTo("-12.30000");
        assertThat(fixed5(179.999995)).isEqualTo(exact(179.999995));
        assertThat(fixed5(179.9999951)).isEqualTo("180.00000");
        assertThat(fixed5(-179.9999951)).isEqualTo("-180.00000");
        assertThat(fixed5(0.125)).isEqualTo("0.12500");
        // 2.5e-6 is a little over its decimal, 0.000015 a little under: their exact values decide
        assertThat(fixed5(0.0000025)).isEqualTo(exact(0.0000025));
        assertThat(fixed5(0.000015)).isEqualTo(exact(0.000015));
        assertThat(fixed5(1.5e9)).isEqualTo("1500000000.00000");
    }

    @Test
    void coordinates_match_the_exact_decimal_rounding_of_their_value() {
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            double v = (random.nextDouble() * 360 - 180);
            // every tenth a value on or next to a half of the last decimal, where rounding is decided
            if (i % 10 == 0) {
                v = Math.nextAfter((Math.floor(v * 1e5) + 0.5) / 1e5, random.nextBoolean() ? 1e9 : -1e9);
            }
            assertThat(fixed5(v)).as("%s", v).isEqualTo(exact(v));
        }
    }

    private static String exact(double v) {
        String s = new BigDecimal(v).setScale(5, RoundingMode.HALF_UP).toPlainString();
        return s.equals("-0.00000") ? "0.00000" : s;
    }
}
