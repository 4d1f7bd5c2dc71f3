package io.airlines.schedule;

import static io.airlines.support.Problems.badRequestOn;
import static io.airlines.support.Problems.notFound;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.airlines.reference.ReferenceCatalog;
import io.airlines.support.WebSlice;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.AdditionalAnswers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Search and board requests, checked and answered without a store: the search and the board are stand-ins. */
@WebSlice(FlightSearchController.class)
class FlightSearchControllerTest {

    static final LocalDate TOMORROW = LocalDate.now().plusDays(1);
    static final Endpoint PARIS = new Endpoint("PAR", "city", "Paris", "PAR");
    static final Endpoint NEW_YORK = new Endpoint("JFK", "airport", "New York JFK", "JFK");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    FlightSearch search;
    @MockitoBean
    TimetableStore store;
    @MockitoBean
    ReferenceCatalog catalog;
    @MockitoBean
    LiveBoard liveBoard;
    @MockitoBean
    LiveJourneys liveJourneys;

    @BeforeEach
    void knownPlaces() {
        when(search.endpoint("PAR")).thenReturn(Optional.of(PARIS));
        when(search.endpoint("JFK")).thenReturn(Optional.of(NEW_YORK));
    }

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            to=JFK&date=TOMORROW                       | from
            from=ZZZ&to=JFK&date=TOMORROW              | from
            from=PAR&to=Q1&date=TOMORROW               | to
            from=PAR&to=PAR&date=TOMORROW              | to
            from=PAR&to=JFK                            | date
            from=PAR&to=JFK&date=2026-13-45            | date
            from=PAR&to=JFK&date=2999-01-01            | date
            from=PAR&to=JFK&date=TOMORROW&return=soon  | return
            from=PAR&to=JFK&date=TOMORROW&return=TODAY | return
            """)
    void a_wrong_search_is_a_400_problem_naming_the_field(String query, String field) throws Exception {
        String q = query.replace("TOMORROW", TOMORROW.toString()).replace("TODAY", LocalDate.now().toString());
        mvc.perform(get("/api/v1/flights/search?" + q)).andExpect(badRequestOn(field));
    }

    @Test
    void a_search_answers_the_journeys_with_their_live_status() throws Exception {
        SearchResult found = new SearchResult(PARIS, NEW_YORK, TOMORROW.toString(), null, List.of(), null);
        when(search.search(PARIS, NEW_YORK, TOMORROW, null)).thenReturn(found);
        when(liveJourneys.withStatus(any())).then(AdditionalAnswers.returnsFirstArg());

        mvc.perform(get("/api/v1/flights/search?from=PAR&to=JFK&date=" + TOMORROW))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from.code").value("PAR"))
                .andExpect(jsonPath("$.from.timetableKey").doesNotExist())
                .andExpect(jsonPath("$.to.type").value("airport"))
                .andExpect(jsonPath("$.date").value(TOMORROW.toString()))
                .andExpect(jsonPath("$.return").isEmpty());
        verify(liveJourneys).withStatus(found);
    }

    @Test
    void the_board_of_an_unknown_airport_is_a_404_problem() throws Exception {
        mvc.perform(get("/api/v1/airports/ZZZ/board?date=" + TOMORROW)).andExpect(notFound());
    }

    @Test
    void a_board_needs_a_date() throws Exception {
        when(catalog.airport("CDG")).thenReturn(Optional.of(new Document("_id", "CDG")));
        mvc.perform(get("/api/v1/airports/CDG/board")).andExpect(badRequestOn("date"));
    }
}
