package io.airlines.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The shipped open data set is loaded on first start and served with the original field names. */
class ReferenceApiIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void the_shipped_data_set_has_thousands_of_airports_with_positions() {
        HttpResponse<String> response = Http.get(url("/api/v1/airports?limit=1"));
        assertThat(Integer.parseInt(response.headers().firstValue("X-Total-Count").orElseThrow())).isGreaterThanOrEqualTo(5000);
        Map<String, Object> cdg = map("/api/v1/airports/cdg");
        assertThat(cdg).containsEntry("airport_code", "CDG").containsEntry("city_code", "PAR")
                .containsEntry("country_code", "FR").containsEntry("time_zone_id", "Europe/Paris");
        assertThat(cast(cdg.get("position"))).containsKeys("Latitude", "Longitude");
    }

    @Test
    void airlines_carry_their_icao_code_for_callsigns() {
        Map<String, Object> lh = map("/api/v1/airlines/LH");
        assertThat(lh).containsEntry("airline_id", "LH").containsEntry("airline_id_icao", "DLH");
    }

    @Test
    void lists_filter_by_country_city_and_name_prefix_and_page() {
        List<Map<String, Object>> paris = list("/api/v1/airports?city=PAR&limit=1000");
        assertThat(paris).extracting(a -> a.get("airport_code")).contains("CDG", "ORY");
        List<Map<String, Object>> french = list("/api/v1/airports?country=FR&q=nan");
        assertThat(french).extracting(a -> a.get("airport_code")).contains("NTE");
        List<Map<String, Object>> page1 = list("/api/v1/countries?limit=2&offset=0");
        List<Map<String, Object>> page2 = list("/api/v1/countries?limit=2&offset=2");
        assertThat(page1).hasSize(2).doesNotContainAnyElementsOf(page2);
    }

    @Test
    void the_original_paths_answer_like_the_versioned_ones() {
        for (String list : List.of("countries", "cities", "airports", "airlines")) {
            HttpResponse<String> original = Http.get(url("/" + list + "?limit=3"));
            assertThat(original.statusCode()).isEqualTo(200);
            assertThat(original.body()).isEqualTo(Http.get(url("/api/v1/" + list + "?limit=3")).body());
        }
    }

    @Test
    void the_openapi_document_describes_the_batch_endpoints() {
        String docs = Http.get(url("/v3/api-docs")).body();
        assertThat(docs).contains("/api/v1/flights/search", "/api/v1/places", "/api/v1/airports/{code}/board",
                "/api/v1/etl/runs", "/api/v1/etl/references", "/schedule", "/references");
    }

    @Test
    void places_fold_accents_and_match_any_word_of_a_name() {
        List<Map<String, Object>> places = list("/api/v1/places?q=gaulle");
        assertThat(places).extracting(p -> p.get("code")).contains("CDG");
        List<Map<String, Object>> sao = list("/api/v1/places?q=s%C3%A3o%20paulo&limit=20");
        assertThat(sao).extracting(p -> p.get("code")).contains("SAO", "GRU");
    }

    @Test
    void aircraft_types_have_names() {
        Map<String, Object> type = map("/api/v1/aircraft/77W");
        assertThat(type).containsEntry("aircraft_name", "Boeing 777-300ER").containsEntry("airline_equip_code", "B77W");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    Map<String, Object> map(String path) {
        return cast(json.readValue(Http.get(url(path)).body(), Map.class));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String path) {
        return (List<Map<String, Object>>) json.readValue(Http.get(url(path)).body(), List.class);
    }
}
