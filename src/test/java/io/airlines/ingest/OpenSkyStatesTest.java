package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.airlines.stream.Position;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OpenSkyStatesTest {

    @Test
    void states_are_read_with_their_nulls_and_those_without_a_position_are_skipped() {
        String body = """
                {"time": 1764581000, "states": [
                  ["3c6444", "DLH400  ", "Germany", 1764580999, 1764581000, 8.6, 50.1, 10668.0, false, 236.1, 285.5, -3.25, null, 10700.0, "1000", false, 0],
                  ["4b1805", null, "Switzerland", null, 1764580990, 8.5, 47.4, null, true, null, null, null, null, null, null, false, 0],
                  ["abcdef", "NOPOS", "France", null, 1764581000, null, null, null, false, null, null, null, null, null, null, false, 0]
                ]}""";
        List<Position> states = OpenSkyStates.parse(JsonMapper.builder().build().readTree(body));
        assertThat(states).hasSize(2);
        Position p = states.get(0);
        assertThat(p.key()).isEqualTo("3c6444");
        assertThat(p.callsign()).isEqualTo("DLH400");
        assertThat(p.speed()).isCloseTo(849.96, org.assertj.core.data.Offset.offset(0.01));
        assertThat(p.time()).isEqualTo(1764580999000L);
        assertThat(p.squawk()).isEqualTo("1000");
        assertThat(p.source()).isEqualTo(Position.OPENSKY);
        Position ground = states.get(1);
        assertThat(ground.callsign()).isNull();
        assertThat(ground.altitude()).isNull();
        assertThat(ground.onGround()).isTrue();
        assertThat(ground.time()).isEqualTo(1764580990000L);
    }

    @Test
    void an_answer_without_states_yields_nothing() {
        assertThat(OpenSkyStates.parse(JsonMapper.builder().build().readTree("{\"time\":1,\"states\":null}"))).isEmpty();
    }
}
