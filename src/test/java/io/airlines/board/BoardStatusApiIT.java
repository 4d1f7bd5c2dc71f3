package io.airlines.board;

import static io.airlines.board.DaytimeBoard.arrivals;
import static io.airlines.board.DaytimeBoard.departures;
import static io.airlines.board.DaytimeBoard.number;
import static io.airlines.board.DaytimeBoard.row;
import static io.airlines.board.DaytimeBoard.text;
import static io.airlines.board.Legs.leg;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.airlines.etl.EtlIdle;
import io.airlines.flight.FlightLeg;
import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.LegStore;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The board API with legs in the store, saved as the leg pipeline saves them. */
class BoardStatusApiIT extends IntegrationTest {

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
        DaytimeBoard board = DaytimeBoard.atThisHour();
        Map<String, Object> before = board.read(this::url, json);
        // Unseen and 30 to 110 minutes late: delayed (after two hours unseen it would be no data).
        List<Map<String, Object>> late = board.between(departures(before), 110, 30);
        assertThat(late).as("departures 30 to 110 minutes ago at " + board.airport()).isNotEmpty();
        Map<String, Object> unseen = late.get(late.size() - 1);
        // Seen flights take their status from their legs, whatever their time: any two of the last hours.
        List<Map<String, Object>> seen = board.between(departures(before), 240, 30).stream().filter(r -> r != unseen).toList();
        assertThat(seen).as("departures of the last four hours at " + board.airport()).hasSizeGreaterThanOrEqualTo(2);
        Map<String, Object> taxiing = seen.get(0);
        Map<String, Object> flying = seen.get(1);
        Map<String, Object> landing = board.between(arrivals(before), 100, 30).get(0);
        Map<String, Object> later = board.between(departures(before), -30, -600).get(0);

        Instant s1 = board.scheduled(taxiing);
        Instant s2 = board.scheduled(flying);
        Instant s4 = board.scheduled(landing);
        FlightLeg taxiLeg = leg("b0a4d1", number(taxiing), board.airport(), text(taxiing, "destination"),
                s1.minusSeconds(600), s1.plusSeconds(300), null, null, LegStatus.TAXI_OUT);
        FlightLeg airborneLeg = leg("b0a4d2", number(flying), board.airport(), text(flying, "destination"),
                s2.minusSeconds(600), s2.plusSeconds(120), s2.plusSeconds(720), null, LegStatus.AIRBORNE);
        FlightLeg landedLeg = leg("b0a4d3", number(landing), text(landing, "origin"), board.airport(),
                s4.minusSeconds(7200), s4.minusSeconds(7000), s4.minusSeconds(6600), s4.minusSeconds(300),
                LegStatus.LANDED);
        legs.save(List.of(taxiLeg, airborneLeg, landedLeg));

        Map<String, Object> after = board.read(this::url, json);
        assertThat(row(departures(after), taxiing)).containsEntry("status", "departed")
                .containsEntry("legId", taxiLeg.id()).containsEntry("transponder", "b0a4d1")
                .containsEntry("delayMinutes", 5).containsEntry("actualDeparture", s1.plusSeconds(300).toString());
        assertThat(row(departures(after), flying)).containsEntry("status", "airborne")
                .containsEntry("transponder", "b0a4d2").containsEntry("actualDeparture", s2.plusSeconds(120).toString());
        Map<String, Object> stillUnseen = row(departures(after), unseen);
        assertThat(stillUnseen).containsEntry("status", "delayed").containsEntry("transponder", null);
        assertThat((Integer) stillUnseen.get("delayMinutes")).isGreaterThanOrEqualTo(30);
        assertThat(row(arrivals(after), landing)).containsEntry("status", "landed")
                .containsEntry("legId", landedLeg.id()).containsEntry("actualArrival", s4.minusSeconds(300).toString())
                .containsEntry("delayMinutes", -5);
        assertThat(row(departures(after), later)).containsEntry("status", "scheduled");
        assertThat(after.get("timeZone")).isEqualTo(board.zone().getId());
    }
}
