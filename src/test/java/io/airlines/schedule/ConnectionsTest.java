package io.airlines.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConnectionsTest {

    static final String DAY = "2026-12-01T";

    @Test
    void the_second_flight_leaves_at_least_the_minimum_connection_time_after_the_first_lands() {
        Journey into = flight("BIO", "MAD", "08:00", "09:10", "IB1");
        assertThat(Connections.connect(into, flight("MAD", "JFK", "09:54", "18:00", "IB2"))).isEmpty();
        Journey connected = Connections.connect(into, flight("MAD", "JFK", "09:55", "18:00", "IB3")).orElseThrow();
        assertThat(connected.stops()).isEqualTo(1);
        assertThat(connected.legs()).extracting(Leg::flightNumber).containsExactly("IB1", "IB3");
        assertThat(connected.origin() + connected.destination()).isEqualTo("BIOJFK");
        assertThat(connected.durationMinutes()).isEqualTo(600);
        assertThat(connected.departureUtc()).isEqualTo(into.departureUtc());
    }

    @Test
    void after_a_long_haul_a_short_flight_needs_an_hour() {
        Journey longHaul = flight("JFK", "FRA", "00:00", "07:30", "LH401");
        assertThat(Connections.connect(longHaul, flight("FRA", "BIO", "08:25", "10:30", "LH1"))).isEmpty();
        assertThat(Connections.connect(longHaul, flight("FRA", "BIO", "08:30", "10:30", "LH2"))).isPresent();
    }

    @Test
    void no_connection_leaves_before_the_first_flight_lands_or_after_six_hours_of_waiting() {
        Journey into = flight("BIO", "CDG", "08:00", "09:45", "AF1");
        assertThat(Connections.of(List.of(into), List.of(
                flight("CDG", "JFK", "09:30", "17:30", "AF2"),
                flight("CDG", "JFK", "16:00", "23:30", "AF3"),
                flight("LHR", "JFK", "11:00", "19:00", "BA4"),
                flight("CDG", "BIO", "11:00", "12:40", "AF5")))).isEmpty();
        assertThat(Connections.of(List.of(into), List.of(flight("CDG", "JFK", "15:45", "23:30", "AF6")))).hasSize(1);
    }

    @Test
    void non_stop_flights_come_first_then_connections_by_total_duration() {
        Journey direct = flight("BIO", "JFK", "15:00", "23:00", "UA1");
        Journey slow = Connections.connect(flight("BIO", "MAD", "06:00", "07:10", "IB1"),
                flight("MAD", "JFK", "12:00", "20:00", "IB2")).orElseThrow();
        Journey quick = Connections.connect(flight("BIO", "LHR", "09:00", "11:00", "BA1"),
                flight("LHR", "JFK", "12:00", "20:00", "BA2")).orElseThrow();
        Journey detour = Connections.connect(flight("BIO", "IST", "02:00", "07:00", "TK1"),
                flight("IST", "JFK", "12:00", "23:00", "TK2")).orElseThrow();
        assertThat(Connections.ranked(List.of(direct), List.of(slow, detour, quick, slow)))
                .containsExactly(direct, quick, slow);
    }

    @Test
    void bilbao_reaches_new_york_through_a_hub_of_the_demo_timetable() {
        LocalDate date = LocalDate.of(2026, 12, 1);
        DemoTimetable demo = new DemoTimetable(DemoTimetableTest.AIRPORTS);
        List<Journey> days = new ArrayList<>(demo.journeys(date));
        days.addAll(demo.journeys(date.plusDays(1)));
        assertThat(days).noneMatch(j -> j.origin().equals("BIO") && j.destination().equals("JFK"));
        List<Journey> into = days.stream().filter(j -> j.origin().equals("BIO") && j.date().equals(date.toString())).toList();
        List<Journey> onward = days.stream().filter(j -> j.destination().equals("JFK")).toList();
        List<Journey> connections = Connections.of(into, onward);
        assertThat(connections).isNotEmpty().allSatisfy(c -> {
            assertThat(c.legs()).hasSize(2);
            assertThat(c.legs().get(0).destination()).isIn("MAD", "CDG", "LHR", "FRA", "AMS");
        });
    }

    static Journey flight(String from, String to, String departs, String lands, String number) {
        Instant dep = Instant.parse(DAY + departs + ":00Z");
        Instant arr = Instant.parse(DAY + lands + ":00Z");
        Leg leg = new Leg(number.substring(0, 2), null, number, from, to, DAY + departs, DAY + lands, "320", null);
        return new Journey(Journey.key(from, to, DAY + departs, List.of(leg)), from, to, DAY + departs, DAY + lands,
                dep.toString(), arr.toString(), (int) Duration.between(dep, arr).toMinutes(), 0, "demo", List.of(leg));
    }
}
