package io.airlines.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.airlines.schedule.OwnTimetable.Flight;
import io.airlines.support.Http;
import tools.jackson.databind.json.JsonMapper;

/** Airport boards as the board API answers them ({@code GET /api/v1/airports/{code}/board}), rows as JSON maps. */
public final class Boards {

    private Boards() {
    }

    /** The board of {@code airport} on local date {@code date}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Function<String, String> url, JsonMapper json, String airport, String date) {
        HttpResponse<String> response = Http.get(url.apply("/api/v1/airports/" + airport + "/board?date=" + date));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    /** The row of flight {@code number} among the {@code side} ("departures", "arrivals") of a board. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> row(Map<String, Object> board, String side, String number) {
        return ((List<Map<String, Object>>) board.get(side)).stream().filter(r -> number.equals(r.get("flightNumber")))
                .findFirst().orElseThrow(() -> new AssertionError(number + " not among the " + side + " " + board));
    }

    /** The row of {@code flight} on the board of {@code airport}, one of its ends, read now. */
    public static Map<String, Object> row(Function<String, String> url, JsonMapper json, String airport, Flight flight) {
        Map<String, Object> board = read(url, json, airport, flight.dateAt(airport));
        Map<String, Object> row = row(board, airport.equals(flight.origin()) ? "departures" : "arrivals", flight.number());
        assertThat(row).containsEntry("timeLocal", flight.localAt(airport));
        return row;
    }
}
