package io.airlines.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.airlines.reference.OfflineReference;
import io.airlines.reference.ReferenceKind;
import org.junit.jupiter.api.Test;

class DemoTimetableTest {

    static final List<DemoAirport> AIRPORTS = DemoAirports.from(OfflineReference.load().get(ReferenceKind.AIRPORTS), Set.of("BIO"));

    @Test
    void the_shipped_data_gives_a_demo_network_of_at_least_200_airports() {
        assertThat(OfflineReference.load().get(ReferenceKind.AIRPORTS)).hasSizeGreaterThanOrEqualTo(5000);
        assertThat(AIRPORTS).hasSizeGreaterThanOrEqualTo(200).extracting(DemoAirport::code).contains("BIO", "CDG", "JFK");
    }

    @Test
    void the_same_date_gives_the_same_journeys() {
        LocalDate date = LocalDate.of(2026, 12, 1);
        List<Journey> a = new DemoTimetable(AIRPORTS).journeys(date);
        List<Journey> b = new DemoTimetable(AIRPORTS).journeys(date);
        assertThat(a).isEqualTo(b).isNotEmpty();
        assertThat(a).allMatch(j -> j.source().equals("demo") && j.date().equals("2026-12-01"));
        assertThat(a.stream().map(Journey::origin).distinct().count()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void utc_times_follow_the_airports_time_zones() {
        Journey cdgJfk = new DemoTimetable(AIRPORTS).journeys(LocalDate.of(2026, 12, 1)).stream()
                .filter(j -> j.origin().equals("CDG") && j.destination().equals("JFK")).findFirst().orElseThrow();
        // Paris is UTC+1 in December: the UTC departure is an hour before the local one.
        assertThat(cdgJfk.departureUtc()).startsWith(localMinusHours(cdgJfk.departureLocal(), 1));
        long minutes = java.time.Duration.between(java.time.Instant.parse(cdgJfk.departureUtc()),
                java.time.Instant.parse(cdgJfk.arrivalUtc())).toMinutes();
        assertThat(minutes).isEqualTo(cdgJfk.durationMinutes());
    }

    private static String localMinusHours(String local, int hours) {
        return java.time.LocalDateTime.parse(local).minusHours(hours).toString().substring(0, 16);
    }
}
