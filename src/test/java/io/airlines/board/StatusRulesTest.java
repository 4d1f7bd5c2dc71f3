package io.airlines.board;

import static io.airlines.board.Legs.leg;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.airlines.flight.FlightLeg;
import io.airlines.flight.FlightLeg.LegStatus;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

    static final Instant DEP = Instant.parse("2026-12-05T10:00:00Z");
    static final Instant ARR = Instant.parse("2026-12-05T18:30:00Z");
    static final TimetableFlight DEPARTURE = TimetableFlight.departure("LH400", "FRA", "JFK", DEP);
    static final TimetableFlight ARRIVAL = TimetableFlight.arrival("LH400", "FRA", "JFK", ARR);

    static Instant at(String hhmm) {
        return Instant.parse("2026-12-05T" + hhmm + ":00Z");
    }

    @Test
    void unseen_before_its_time_plus_the_delay_threshold_is_scheduled() {
        LiveStatus s = StatusRules.status(DEPARTURE, null, null, at("10:14"));
        assertThat(s.status()).isEqualTo(FlightStatus.SCHEDULED);
        assertThat(s.delayMinutes()).isNull();
        assertThat(s.legId()).isNull();
    }

    @Test
    void unseen_past_the_threshold_is_delayed_by_at_least_the_time_past() {
        LiveStatus s = StatusRules.status(DEPARTURE, null, null, at("10:40"));
        assertThat(s.status()).isEqualTo(FlightStatus.DELAYED);
        assertThat(s.estimatedDeparture()).isEqualTo(at("10:41"));
        assertThat(s.delayMinutes()).isEqualTo(41);
    }

    @Test
    void unseen_two_hours_past_its_time_is_no_data_which_is_how_an_unannounced_cancellation_shows() {
        assertThat(StatusRules.status(DEPARTURE, null, null, at("12:00")).status()).isEqualTo(FlightStatus.NO_DATA);
        assertThat(StatusRules.status(ARRIVAL, null, null, at("20:31")).status()).isEqualTo(FlightStatus.NO_DATA);
    }

    @Test
    void seen_at_its_gate_it_stays_delayed_however_late_and_names_its_leg() {
        FlightLeg atGate = leg("3c6444", "LH400", "FRA", "JFK", at("09:20"), null, null, null, LegStatus.TAXI_OUT);
        LiveStatus s = StatusRules.status(DEPARTURE, atGate, null, at("13:00"));
        assertThat(s.status()).isEqualTo(FlightStatus.DELAYED);
        assertThat(s.transponder()).isEqualTo("3c6444");
        assertThat(s.actualDeparture()).isNull();
    }

    @Test
    void off_block_is_departed_with_the_off_block_time_as_actual_departure() {
        FlightLeg taxiing = leg("3c6444", "LH400", "FRA", "JFK", at("10:05"), at("10:07"), null, null, LegStatus.TAXI_OUT);
        LiveStatus s = StatusRules.status(DEPARTURE, taxiing, null, at("10:10"));
        assertThat(s.status()).isEqualTo(FlightStatus.DEPARTED);
        assertThat(s.actualDeparture()).isEqualTo(at("10:07"));
        assertThat(s.delayMinutes()).isEqualTo(7);
        assertThat(s.legId()).isEqualTo(taxiing.id());
    }

    @Test
    void after_takeoff_it_is_airborne_and_the_live_eta_is_the_estimated_arrival() {
        FlightLeg flying = leg("3c6444", "LH400", "FRA", "JFK", at("10:05"), at("10:07"), at("10:20"), null, LegStatus.AIRBORNE);
        LiveStatus onArrivalBoard = StatusRules.status(ARRIVAL, flying, at("18:55"), at("12:00"));
        assertThat(onArrivalBoard.status()).isEqualTo(FlightStatus.AIRBORNE);
        assertThat(onArrivalBoard.estimatedArrival()).isEqualTo(at("18:55"));
        assertThat(onArrivalBoard.delayMinutes()).isEqualTo(25);
        assertThat(StatusRules.status(DEPARTURE, flying, at("18:55"), at("12:00")).delayMinutes()).isEqualTo(7);
    }

    @Test
    void first_seen_in_the_air_it_is_airborne_without_an_actual_departure() {
        FlightLeg flying = leg("3c6444", "LH400", "FRA", "JFK", at("11:00"), null, null, null, LegStatus.AIRBORNE);
        LiveStatus s = StatusRules.status(DEPARTURE, flying, null, at("11:05"));
        assertThat(s.status()).isEqualTo(FlightStatus.AIRBORNE);
        assertThat(s.actualDeparture()).isNull();
    }

    @Test
    void after_landing_it_is_landed_with_the_landing_time_as_actual_arrival() {
        FlightLeg landed = leg("3c6444", "LH400", "FRA", "JFK", at("10:05"), at("10:07"), at("10:20"), at("18:20"),
                LegStatus.ARRIVED);
        LiveStatus s = StatusRules.status(ARRIVAL, landed, null, at("18:40"));
        assertThat(s.status()).isEqualTo(FlightStatus.LANDED);
        assertThat(s.actualArrival()).isEqualTo(at("18:20"));
        assertThat(s.estimatedArrival()).isNull();
        assertThat(s.delayMinutes()).isEqualTo(-10);
    }

    @Test
    void a_leg_lost_in_flight_is_airborne_until_two_hours_past_its_arrival_then_no_data() {
        FlightLeg lost = leg("3c6444", "LH400", "FRA", "JFK", at("10:05"), at("10:07"), at("10:20"), null, LegStatus.LOST);
        assertThat(StatusRules.status(ARRIVAL, lost, null, at("20:00")).status()).isEqualTo(FlightStatus.AIRBORNE);
        LiveStatus gone = StatusRules.status(ARRIVAL, lost, null, ARR.plus(Duration.ofHours(2)));
        assertThat(gone.status()).isEqualTo(FlightStatus.NO_DATA);
        assertThat(gone.transponder()).isEqualTo("3c6444");
    }

    @Test
    void a_cancellation_the_timetable_announces_is_cancelled_until_the_flight_is_seen() {
        assertThat(StatusRules.status(DEPARTURE.asCancelled(), null, null, at("09:00")).status())
                .isEqualTo(FlightStatus.CANCELLED);
        assertThat(StatusRules.status(DEPARTURE.asCancelled(), null, null, at("13:00")).status())
                .isEqualTo(FlightStatus.CANCELLED);
    }

    @Test
    void statuses_read_as_lower_case_tokens() {
        assertThat(FlightStatus.NO_DATA.token()).isEqualTo("no_data");
        assertThat(FlightStatus.AIRBORNE.messageKey()).isEqualTo("board.status.airborne");
    }
}
