package io.airlines.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Every input a client can get wrong is a 400 problem+json naming the field, never a 500. */
class BadRequestsIT extends IntegrationTest {

    static final String TOMORROW = LocalDate.now().plusDays(1).toString();
    static final String YESTERDAY_BUT_ONE = LocalDate.now().minusDays(2).toString();

    @Autowired
    JsonMapper json;

    @ParameterizedTest(name = "{0} {1} → 400 on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/v1/flights/search?to=JFK&date=TOMORROW                       | from
            GET  | /api/v1/flights/search?from=ZZZ&to=JFK&date=TOMORROW              | from
            GET  | /api/v1/flights/search?from=PAR&to=Q1&date=TOMORROW               | to
            GET  | /api/v1/flights/search?from=PAR&to=PAR&date=TOMORROW              | to
            GET  | /api/v1/flights/search?from=PAR&to=JFK                            | date
            GET  | /api/v1/flights/search?from=PAR&to=JFK&date=2026-13-45            | date
            GET  | /api/v1/flights/search?from=PAR&to=JFK&date=PAST                  | date
            GET  | /api/v1/flights/search?from=PAR&to=JFK&date=2999-01-01            | date
            GET  | /api/v1/flights/search?from=PAR&to=JFK&date=TOMORROW&return=soon  | return
            GET  | /api/v1/flights/search?from=PAR&to=JFK&date=TOMORROW&return=PAST  | return
            GET  | /api/v1/places?limit=5                                            | q
            GET  | /api/v1/places?q=par&limit=0                                      | limit
            GET  | /api/v1/places?q=par&limit=5000                                   | limit
            GET  | /api/v1/places?q=par&limit=ten                                    | limit
            GET  | /api/v1/airports?limit=1001                                       | limit
            GET  | /api/v1/airports?offset=-1                                        | offset
            GET  | /api/v1/airports?country=Q0                                       | country
            GET  | /api/v1/airports?city=QQQQ                                        | city
            GET  | /airports?country=Q0                                              | country
            GET  | /api/v1/airports/CDG/board?date=yesterday                         | date
            GET  | /api/v1/airports/CDG/board                                        | date
            GET  | /api/v1/etl/runs?limit=0                                          | limit
            POST | /schedule?origin=ZZZ&destination=JFK&date=TOMORROW                | origin
            POST | /schedule?origin=FRA&destination=JFK&date=someday                | date
            POST | /api/v1/etl/schedules?from=FRA&to=ZZZ                             | to
            POST | /api/v1/etl/schedules?from=FRA&to=JFK&days=40                     | days
            """)
    void bad_input_is_a_400_problem_naming_the_field(String method, String path, String field) {
        String p = path.replace("TOMORROW", TOMORROW).replace("PAST", YESTERDAY_BUT_ONE);
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(url(p)))
                .method(method, HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        Map<?, ?> problem = json.readValue(response.body(), Map.class);
        assertThat(problem.get("field")).isEqualTo(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.airlines");
    }

    @ParameterizedTest(name = "{0} → 404")
    @CsvSource({"/api/v1/airports/ZZZ", "/api/v1/airlines/Z9", "/api/v1/countries/QQ", "/api/v1/airports/ZZZ/board?date=2026-12-01"})
    void an_unknown_resource_is_a_404_problem(String path) {
        HttpResponse<String> response = Http.get(url(path));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
