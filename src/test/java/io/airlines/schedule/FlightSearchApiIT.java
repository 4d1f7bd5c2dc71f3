package io.airlines.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.airlines.etl.EtlIdle;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class FlightSearchApiIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    final String today = LocalDate.now().toString();
    final String inTwoDays = LocalDate.now().plusDays(2).toString();

    @BeforeEach
    void demo_timetable_is_loaded() {
        EtlIdle.waitFor(this::url);
    }

    @Test
    void a_search_by_city_with_a_return_date_answers_both_directions_from_every_airport_of_the_city() {
        Map<String, Object> body = get("/api/v1/flights/search?from=PAR&to=NYC&date=" + today + "&return=" + inTwoDays);
        assertThat(map(body.get("from"))).containsEntry("code", "PAR").containsEntry("type", "city");
        assertThat(body.get("returnDate")).isEqualTo(inTwoDays);
        List<Map<String, Object>> out = outbound(body);
        assertThat(out).isNotEmpty();
        assertThat(out).extracting(j -> j.get("origin")).allMatch(o -> List.of("CDG", "ORY", "BVA", "LBG").contains(o));
        assertThat(out).extracting(j -> j.get("destination")).allMatch(d -> List.of("JFK", "LGA", "EWR").contains(d));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> back = (List<Map<String, Object>>) body.get("return");
        assertThat(back).isNotEmpty();
        assertThat(back).extracting(j -> j.get("departureLocal")).allMatch(t -> ((String) t).startsWith(inTwoDays));
        Map<?, ?> leg = (Map<?, ?>) ((List<?>) out.get(0).get("legs")).get(0);
        assertThat(leg.get("carrierName")).isNotNull();
        assertThat(out.get(0).get("source")).isEqualTo("demo");
    }

    @Test
    void a_search_by_airport_answers_journeys_sorted_by_departure() {
        Map<String, Object> body = get("/api/v1/flights/search?from=FRA&to=JFK&date=" + inTwoDays);
        List<Map<String, Object>> out = outbound(body);
        assertThat(out).isNotEmpty().allMatch(j -> j.get("origin").equals("FRA") && j.get("destination").equals("JFK"));
        assertThat(body.get("return")).isNull();
        assertThat(out).extracting(j -> (String) j.get("departureUtc")).isSorted();
    }

    @Test
    void without_a_non_stop_flight_the_search_offers_connections_through_a_hub() {
        List<Map<String, Object>> out = outbound(get("/api/v1/flights/search?from=BIO&to=JFK&date=" + inTwoDays));
        assertThat(out).isNotEmpty().allSatisfy(j -> {
            assertThat(j).containsEntry("origin", "BIO").containsEntry("destination", "JFK").containsEntry("stops", 1);
            List<?> legs = (List<?>) j.get("legs");
            assertThat(legs).hasSize(2);
            assertThat(map(legs.get(0)).get("destination")).isEqualTo(map(legs.get(1)).get("origin"));
        });
        assertThat(out).extracting(j -> (Integer) j.get("durationMinutes")).isSorted();
    }

    @Test
    void places_offers_the_city_and_its_airports() {
        HttpResponse<String> response = Http.get(url("/api/v1/places?q=par&limit=10"));
        assertThat(response.statusCode()).isEqualTo(200);
        List<?> places = json.readValue(response.body(), List.class);
        assertThat(places).extracting(p -> (Object) map(p).get("code")).contains("PAR", "CDG", "ORY");
        assertThat(map(places.get(0))).containsEntry("code", "PAR").containsEntry("label", "Paris (PAR) — all airports");
    }

    @Test
    void the_board_lists_departures_and_arrivals_of_the_day() {
        Map<String, Object> body = get("/api/v1/airports/FRA/board?date=" + inTwoDays);
        assertThat((List<?>) body.get("departures")).isNotEmpty();
        assertThat((List<?>) body.get("arrivals")).isNotEmpty();
        assertThat(map(body.get("airport"))).containsEntry("airport_code", "FRA");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String path) {
        HttpResponse<String> response = Http.get(url(path));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> outbound(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("outbound");
    }
}
