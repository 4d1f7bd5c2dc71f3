package io.airlines.board;

import static io.airlines.board.Legs.leg;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.airlines.flight.FlightLeg;
import io.airlines.flight.FlightLeg.LegStatus;
import org.junit.jupiter.api.Test;

class LegMatchTest {

    static final Instant DEP = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void the_same_flight_number_a_day_earlier_is_not_this_flight() {
        FlightLeg yesterday = leg("aaaaaa", "LH400", "FRA", "JFK", DEP.minusSeconds(86_400), DEP.minusSeconds(86_000),
                null, null, LegStatus.TAXI_OUT);
        FlightLeg today = leg("bbbbbb", "LH400", "FRA", "JFK", DEP.plusSeconds(300), DEP.plusSeconds(400), null, null,
                LegStatus.TAXI_OUT);
        LegMatch match = new LegMatch(List.of(yesterday, today));
        assertThat(match.legOf(TimetableFlight.departure("LH 400", "FRA", "JFK", DEP))).contains(today);
        assertThat(new LegMatch(List.of(yesterday)).legOf(TimetableFlight.departure("LH400", "FRA", "JFK", DEP))).isEmpty();
    }

    @Test
    void a_leg_whose_route_matches_the_timetable_wins_and_a_departure_needs_the_board_airport_as_origin() {
        FlightLeg elsewhere = leg("aaaaaa", "LH400", "FRA", "EWR", DEP.plusSeconds(900), DEP.plusSeconds(960), null, null,
                LegStatus.TAXI_OUT);
        FlightLeg route = leg("bbbbbb", "LH400", "FRA", "JFK", DEP.plusSeconds(300), DEP.plusSeconds(400), null, null,
                LegStatus.TAXI_OUT);
        FlightLeg inbound = leg("cccccc", "LH400", "MUC", "FRA", DEP.plusSeconds(600), null, null, null, LegStatus.AIRBORNE);
        LegMatch match = new LegMatch(List.of(elsewhere, route, inbound));
        assertThat(match.legOf(TimetableFlight.departure("LH400", "FRA", "JFK", DEP))).contains(route);
        assertThat(new LegMatch(List.of(inbound)).legOf(TimetableFlight.departure("LH400", "FRA", "JFK", DEP))).isEmpty();
    }
}
