package io.airlines.board;

import static io.airlines.board.Legs.leg;
import static io.airlines.schedule.OwnTimetable.HUB;
import static io.airlines.schedule.OwnTimetable.OTHER;
import static io.airlines.schedule.OwnTimetable.flight;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import io.airlines.board.Cancellations.Cancellation;
import io.airlines.etl.EtlIdle;
import io.airlines.flight.FlightLeg;
import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.LegStore;
import io.airlines.schedule.FlightSearch;
import io.airlines.schedule.OwnTimetable;
import io.airlines.schedule.OwnTimetable.Flight;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The board API with legs in the store, saved as the leg pipeline saves them, and cancellations
 * announced, on a timetable of the test's own around the application clock's now: the same rows
 * at any hour of the day.
 */
class BoardStatusApiIT extends IntegrationTest {

    @Autowired
    LegStore legs;
    @Autowired
    Cancellations cancellations;
    @Autowired
    MongoDatabase database;
    @Autowired
    FlightSearch search;
    @Autowired
    Clock clock;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void demo_timetable_is_loaded() {
        EtlIdle.waitFor(this::url);
    }

    @Test
    void board_rows_carry_the_status_of_their_legs_of_cancellations_and_of_the_clock() {
        Instant now = clock.instant();
        Flight taxiing = flight(9911, HUB, minutes(now, -60));
        Flight flying = flight(9913, HUB, minutes(now, -150));
        Flight unseen = flight(9915, HUB, minutes(now, -45));
        Flight landing = flight(9917, OTHER, minutes(now, -115));
        Flight later = flight(9919, HUB, minutes(now, 120));
        // Unseen three hours after its time it would be no data; announced cancelled, it is cancelled.
        Flight cancelled = flight(9921, HUB, minutes(now, -180));
        new OwnTimetable(database, search).write(List.of(taxiing, flying, unseen, landing, later, cancelled));

        Instant s1 = taxiing.departure();
        Instant s2 = flying.departure();
        Instant s4 = landing.arrival();
        FlightLeg taxiLeg = leg("b0a4d1", taxiing.number(), HUB, OTHER, s1.minusSeconds(600), s1.plusSeconds(300), null,
                null, LegStatus.TAXI_OUT);
        FlightLeg airborneLeg = leg("b0a4d2", flying.number(), HUB, OTHER, s2.minusSeconds(600), s2.plusSeconds(120),
                s2.plusSeconds(720), null, LegStatus.AIRBORNE);
        FlightLeg landedLeg = leg("b0a4d3", landing.number(), OTHER, HUB, s4.minusSeconds(3600), s4.minusSeconds(3400),
                s4.minusSeconds(3000), s4.minusSeconds(300), LegStatus.LANDED);
        legs.save(List.of(taxiLeg, airborneLeg, landedLeg));
        cancellations.announce(List.of(new Cancellation(cancelled.number(), cancelled.origin(), cancelled.destination(),
                cancelled.departure(), cancelled.arrival())));

        assertThat(row(HUB, taxiing)).containsEntry("status", "departed")
                .containsEntry("legId", taxiLeg.id()).containsEntry("transponder", "b0a4d1")
                .containsEntry("delayMinutes", 5).containsEntry("actualDeparture", s1.plusSeconds(300).toString());
        assertThat(row(HUB, flying)).containsEntry("status", "airborne")
                .containsEntry("transponder", "b0a4d2").containsEntry("actualDeparture", s2.plusSeconds(120).toString());
        Map<String, Object> stillUnseen = row(HUB, unseen);
        assertThat(stillUnseen).containsEntry("status", "delayed").containsEntry("transponder", null);
        assertThat((Integer) stillUnseen.get("delayMinutes")).isGreaterThanOrEqualTo(45);
        assertThat(row(HUB, landing)).containsEntry("status", "landed")
                .containsEntry("legId", landedLeg.id()).containsEntry("actualArrival", s4.minusSeconds(300).toString())
                .containsEntry("delayMinutes", -5);
        assertThat(row(HUB, later)).containsEntry("status", "scheduled");
        assertThat(row(HUB, cancelled)).containsEntry("status", "cancelled").containsEntry("delayMinutes", null);
        assertThat(row(OTHER, cancelled)).as("the arrival at the other end").containsEntry("status", "cancelled");
        assertThat(row(OTHER, later)).as("not announced").containsEntry("status", "scheduled");
        assertThat(Boards.read(this::url, json, HUB, later.dateAt(HUB)).get("timeZone"))
                .isEqualTo(OwnTimetable.ZONE.getId());
    }

    private Map<String, Object> row(String airport, Flight flight) {
        return Boards.row(this::url, json, airport, flight);
    }

    private static Instant minutes(Instant now, int minutes) {
        return now.plus(Duration.ofMinutes(minutes));
    }
}
