package io.airlines.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
}
