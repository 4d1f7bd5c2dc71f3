package io.airlines.reference;

import static io.airlines.support.Problems.badRequestOn;
import static io.airlines.support.Problems.notFound;
import static io.airlines.support.Problems.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import io.airlines.support.WebSlice;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reference lists and autocomplete over the real in-memory catalog, seeded here: the store behind
 * it is never read.
 */
@WebSlice({ReferenceController.class, PlacesController.class})
@Import({ReferenceCatalog.class, PlaceSearch.class})
class ReferenceControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ReferenceCatalog catalog;
    @MockitoBean
    ReferenceStore store;

    @BeforeEach
    void seed() {
        catalog.seed(Map.of(
                ReferenceKind.COUNTRIES, List.of(new Document("_id", "FR").append("name", "France"),
                        new Document("_id", "US").append("name", "United States")),
                ReferenceKind.CITIES, List.of(city("PAR", "Paris", "FR"), city("NYC", "New York", "US")),
                ReferenceKind.AIRPORTS, List.of(airport("CDG", "Charles de Gaulle", "PAR", "FR"),
                        airport("ORY", "Orly", "PAR", "FR"), airport("JFK", "John F. Kennedy", "NYC", "US"))));
    }

    @Test
    void a_list_is_filtered_and_paged_with_its_total_in_a_header() throws Exception {
        mvc.perform(get("/api/v1/airports?country=fr&limit=1&offset=1"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0]._id").value("ORY"));
    }

    @Test
    void one_document_is_found_by_its_code_in_any_case() throws Exception {
        mvc.perform(get("/api/v1/airports/jfk")).andExpect(status().isOk())
                .andExpect(jsonPath("$.city_code").value("NYC"));
    }

    @Test
    void autocomplete_offers_a_city_of_several_airports_before_them() throws Exception {
        mvc.perform(get("/api/v1/places?q=par"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("PAR"))
                .andExpect(jsonPath("$[0].type").value("city"))
                .andExpect(jsonPath("$.length()").value(3));
    }

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/airports?limit=1001       | limit
            /api/v1/airports?limit=ten        | limit
            /api/v1/airports?offset=-1        | offset
            /api/v1/airports?country=Q0       | country
            /api/v1/airports?city=QQQQ        | city
            /api/v1/places?limit=5            | q
            /api/v1/places?q=par&limit=0      | limit
            /api/v1/places?q=par&limit=5000   | limit
            """)
    void a_wrong_parameter_is_a_400_problem_naming_it(String path, String field) throws Exception {
        mvc.perform(get(path)).andExpect(badRequestOn(field));
    }

    @Test
    void an_overlong_query_is_refused() throws Exception {
        mvc.perform(get("/api/v1/places?q=" + "p".repeat(101))).andExpect(badRequestOn("q"));
    }

    @ParameterizedTest(name = "{0} → 404")
    @CsvSource({"/api/v1/airports/ZZZ", "/api/v1/airlines/Z9", "/api/v1/countries/QQ"})
    void an_unknown_code_is_a_404_problem(String path) throws Exception {
        mvc.perform(get(path)).andExpect(notFound());
    }

    /** The product's filters run in the slice too: a host name it does not serve is turned away first. */
    @Test
    void a_request_for_another_host_name_is_misdirected() throws Exception {
        mvc.perform(get("/api/v1/airports").header("Host", "rebinding.example")).andExpect(problem(421));
    }

    private static Document city(String code, String name, String country) {
        return new Document("_id", code).append("name", name).append("country_code", country);
    }

    private static Document airport(String code, String name, String city, String country) {
        return new Document("_id", code).append("airport_name", name).append("city_code", city)
                .append("country_code", country);
    }
}
