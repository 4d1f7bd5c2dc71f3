package io.airlines.flight;

import static io.airlines.support.Problems.badRequestOn;
import static io.airlines.support.Problems.notFound;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.client.MongoDatabase;
import io.airlines.store.TrackReader;
import io.airlines.support.WebSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** History requests checked and answered over a stand-in leg store. */
@WebSlice(FlightHistoryController.class)
class FlightHistoryControllerTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    MongoDatabase database;
    @MockitoBean
    LegStore legs;
    @MockitoBean
    TrackReader tracks;

    @Test
    void the_legs_of_a_day_are_paged_with_the_total_in_a_header() throws Exception {
        List<String> ids = IntStream.range(0, 42)
                .mapToObj(i -> FlightLeg.idOf(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(i), "3c6444")).toList();
        when(legs.idsOfDay(TODAY)).thenReturn(ids);
        mvc.perform(get("/api/v1/history/flights?date=" + TODAY + "&limit=5&offset=10"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "42"));
        verify(legs).byIds(ids.subList(10, 15));
    }

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            airport=FRA                          | date
            date=someday                         | date
            date=2999-01-01                      | date
            date=TODAY&airport=FRANKFURT         | airport
            date=TODAY&airline=D                 | airline
            date=TODAY&q=QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ | q
            date=TODAY&limit=0                   | limit
            date=TODAY&offset=-5                 | offset
            """)
    void a_wrong_parameter_is_a_400_problem_naming_it(String query, String field) throws Exception {
        mvc.perform(get("/api/v1/history/flights?" + query.replace("TODAY", TODAY.toString())))
                .andExpect(badRequestOn(field));
    }

    @Test
    void an_unknown_leg_and_its_track_are_404_problems() throws Exception {
        mvc.perform(get("/api/v1/history/flights/nope")).andExpect(notFound());
        mvc.perform(get("/api/v1/history/flights/nope/track")).andExpect(notFound());
    }
}
