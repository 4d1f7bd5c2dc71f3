package io.airlines.lufthansa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LufthansaJsonTest {

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode parse(String s) {
        return json.readTree(s);
    }

    @Test
    void a_list_of_one_sent_as_an_object_is_still_a_list() {
        assertThat(LufthansaJson.list(parse("{\"AirportCode\":\"CDG\"}"))).hasSize(1);
        assertThat(LufthansaJson.list(parse("[{\"a\":1},{\"a\":2}]"))).hasSize(2);
        assertThat(LufthansaJson.list(parse("{}").path("missing"))).isEmpty();
    }

    @Test
    void numeric_codes_become_strings() {
        JsonNode n = parse("{\"AircraftCode\":320,\"FlightNumber\":4919,\"Terminal\":{\"Name\":1},\"Code\":\"77W\"}");
        assertThat(LufthansaJson.text(n, "AircraftCode")).isEqualTo("320");
        assertThat(LufthansaJson.text(n, "FlightNumber")).isEqualTo("4919");
        assertThat(LufthansaJson.text(n, "Terminal", "Name")).isEqualTo("1");
        assertThat(LufthansaJson.text(n, "Code")).isEqualTo("77W");
        assertThat(LufthansaJson.text(n, "Absent")).isNull();
    }

    @Test
    void names_in_every_language_whether_one_or_many() {
        JsonNode one = parse("{\"Names\":{\"Name\":{\"@LanguageCode\":\"en\",\"$\":\"Paris\"}}}");
        assertThat(LufthansaJson.names(one)).containsExactly(java.util.Map.entry("EN", "Paris"));
        JsonNode many = parse("{\"Names\":{\"Name\":[{\"@LanguageCode\":\"de\",\"$\":\"München\"},{\"@LanguageCode\":\"en\",\"$\":\"Munich\"}]}}");
        assertThat(LufthansaJson.names(many)).containsEntry("DE", "München").containsEntry("EN", "Munich");
        assertThat(LufthansaJson.mainName(LufthansaJson.names(many))).hasValue("Munich");
    }

    @Test
    void fractional_offsets_and_the_next_link_are_read() {
        assertThat(LufthansaJson.number(parse("{\"UtcOffset\":5.5}").path("UtcOffset"))).isEqualTo(5.5);
        assertThat(LufthansaJson.number(parse("{\"UtcOffset\":\"+5.75\"}").path("UtcOffset"))).isEqualTo(5.75);
        JsonNode meta = parse("{\"Link\":[{\"@Href\":\"x?offset=0\",\"@Rel\":\"self\"},{\"@Href\":\"x?offset=100\",\"@Rel\":\"next\"}]}");
        assertThat(LufthansaJson.nextLink(meta)).hasValue("x?offset=100");
        assertThat(LufthansaJson.nextLink(parse("{\"Link\":{\"@Href\":\"x\",\"@Rel\":\"self\"}}"))).isEmpty();
    }
}
