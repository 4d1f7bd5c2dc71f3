package io.airlines.board;

import static io.airlines.board.Legs.leg;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import io.airlines.etl.EtlIdle;
import io.airlines.flight.FlightLeg;
import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.LegStore;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The board API with legs in the store, as the leg pipeline saves them. */
class BoardStatusApiTest extends IntegrationTest {

    @Autowired
    LegStore legs;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void demo_timetable_is_loaded() {
        EtlIdle.waitFor(this::url);
    }

    @Test
    void board_rows_carry_the_status_of_their_legs_and_of_the_clock() {
        BoardNow board = BoardNow.atDaytimeHub();
        Map<String, Object> before = board(board);
        List<Map<String, Object>> recent = board.between(departures(before), 100, 30);
        assertThat(recent).as("departures of the last hour and a half at " + board.airport()).hasSizeGreaterThanOrEqualTo(3);
        Map<String, Object> taxiing = recent.get(0), flying = recent.get(1), unseen = recent.get(2);
        Map<String, Object> landing = board.between(arrivals(before), 100, 30).get(0);
        Map<String, Object> later = board.between(departures(before), -30, -600).get(0);

        Instant s1 = board.scheduled(taxiing), s2 = board.scheduled(flying), s4 = board.scheduled(landing);
        FlightLeg taxiLeg = leg("b0a4d1", number(taxiing), board.airport(), text(taxiing, "destination"),
                s1.minusSeconds(600), s1.plusSeconds(300), null, null, LegStatus.TAXI_OUT);
        FlightLeg airborneLeg = leg("b0a4d2", number(flying), board.airport(), text(flying, "destination"),
                s2.minusSeconds(600), s2.plusSeconds(120), s2.plusSeconds(720), null, LegStatus.AIRBORNE);
        FlightLeg landedLeg = leg("b0a4d3", number(landing), text(landing, "origin"), board.airport(),
                s4.minusSeconds(7200), s4.minusSeconds(7000), s4.minusSeconds(6600), s4.minusSeconds(300),
                LegStatus.LANDED);
        legs.save(List.of(taxiLeg, airborneLeg, landedLeg));

        Map<String, Object> after = board(board);
        Map<String, Object> row1 = board.row(departures(after), taxiing);
        assertThat(row1).containsEntry("status", "departed").containsEntry("legId", taxiLeg.id())
                .containsEntry("transponder", "b0a4d1").containsEntry("delayMinutes", 5)
                .containsEntry("actualDeparture", s1.plusSeconds(300).toString());
        Map<String, Object> row2 = board.row(departures(after), flying);
        assertThat(row2).containsEntry("status", "airborne").containsEntry("transponder", "b0a4d2")
                .containsEntry("actualDeparture", s2.plusSeconds(120).toString());
        Map<String, Object> row3 = board.row(departures(after), unseen);
        assertThat(row3).containsEntry("status", "delayed").containsEntry("transponder", null);
        assertThat((Integer) row3.get("delayMinutes")).isGreaterThanOrEqualTo(30);
        Map<String, Object> row4 = board.row(arrivals(after), landing);
        assertThat(row4).containsEntry("status", "landed").containsEntry("legId", landedLeg.id())
                .containsEntry("actualArrival", s4.minusSeconds(300).toString()).containsEntry("delayMinutes", -5);
        assertThat(board.row(departures(after), later)).containsEntry("status", "scheduled");
        assertThat(after.get("timeZone")).isEqualTo(board.zone().getId());
    }

    private Map<String, Object> board(BoardNow board) {
        HttpResponse<String> response = Http.get(url("/api/v1/airports/" + board.airport() + "/board?date=" + board.date()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(response.body(), Map.class);
        return body;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> departures(Map<String, Object> board) {
        return (List<Map<String, Object>>) board.get("departures");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> arrivals(Map<String, Object> board) {
        return (List<Map<String, Object>>) board.get("arrivals");
    }

    static String number(Map<String, Object> row) {
        return text(row, "flightNumber");
    }

    static String text(Map<String, Object> row, String field) {
        return (String) row.get(field);
    }

    /**
     * A hub where it is daytime now (so its board of today has flights just before and after now):
     * Frankfurt, New York or Tokyo, whichever fits the hour the test runs at.
     */
    record BoardNow(String airport, ZoneId zone, Instant now) {

        static BoardNow atDaytimeHub() {
            Instant now = Instant.now();
            for (String[] hub : new String[][] {{"FRA", "Europe/Berlin"}, {"JFK", "America/New_York"}, {"NRT", "Asia/Tokyo"}}) {
                ZoneId zone = ZoneId.of(hub[1]);
                LocalTime local = now.atZone(zone).toLocalTime();
                if (!local.isBefore(LocalTime.of(8, 0)) && local.isBefore(LocalTime.of(19, 0))) {
                    return new BoardNow(hub[0], zone, now);
                }
            }
            throw new IllegalStateException("no daytime hub at " + now);
        }

        String date() {
            return now.atZone(zone).toLocalDate().toString();
        }

        Instant scheduled(Map<String, Object> row) {
            return ZonedDateTime.of(LocalDateTime.parse(text(row, "timeLocal")), zone).toInstant();
        }

        /** Rows scheduled between {@code fromMinutesAgo} and {@code toMinutesAgo} before now. */
        List<Map<String, Object>> between(List<Map<String, Object>> rows, int fromMinutesAgo, int toMinutesAgo) {
            Instant from = now.minus(Duration.ofMinutes(fromMinutesAgo)), to = now.minus(Duration.ofMinutes(toMinutesAgo));
            return rows.stream().filter(r -> !scheduled(r).isBefore(from) && !scheduled(r).isAfter(to))
                    .filter(r -> rows.stream().filter(o -> number(o).equals(number(r))).count() == 1).toList();
        }

        Map<String, Object> row(List<Map<String, Object>> rows, Map<String, Object> like) {
            return rows.stream().filter(r -> number(r).equals(number(like)) && text(r, "timeLocal").equals(text(like, "timeLocal")))
                    .findFirst().orElseThrow();
        }
    }

}
