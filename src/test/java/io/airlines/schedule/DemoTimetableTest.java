package io.airlines.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.airlines.reference.OfflineReference;
import io.airlines.reference.ReferenceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    static final List<Journey> DAY = new DemoTimetable(AIRPORTS).journeys(LocalDate.of(2026, 12, 1));
    static final Map<String, DemoAirport> BY_CODE = AIRPORTS.stream().collect(Collectors.toMap(DemoAirport::code, Function.identity()));
    /** Twin-aisle types of the shipped aircraft list. */
    static final Set<String> WIDEBODIES = Set.of("332", "333", "339", "343", "346", "351", "359", "388", "744", "748",
            "763", "764", "772", "77L", "773", "77W", "788", "789", "781");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"CDG, JFK", "JFK, CDG", "FRA, LHR", "LHR, FRA", "LHR, JFK", "FRA, JFK", "AMS, LHR", "CDG, FRA",
            "MUC, FRA", "DXB, LHR", "SIN, HKG"})
    void trunk_routes_have_several_flights_a_day_by_several_airlines(String from, String to) {
        List<Journey> route = DAY.stream().filter(j -> j.origin().equals(from) && j.destination().equals(to)).toList();
        assertThat(route).hasSizeGreaterThanOrEqualTo(3);
        if (!BY_CODE.get(from).country().equals(BY_CODE.get(to).country())) {
            assertThat(route.stream().map(j -> j.legs().get(0).carrier()).distinct()).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(route.stream().map(Journey::departureLocal).distinct()).hasSizeGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"FRA, LH", "MUC, LH", "CDG, AF", "LHR, BA", "AMS, KL", "JFK, DL", "ATL, DL", "DXB, EK", "SIN, SQ",
            "MAD, IB", "IST, TK"})
    void hubs_have_several_airlines_and_the_hub_carrier_flies_most(String hub, String carrier) {
        Map<String, Long> byCarrier = DAY.stream().filter(j -> j.origin().equals(hub))
                .collect(Collectors.groupingBy(j -> j.legs().get(0).carrier(), Collectors.counting()));
        assertThat(byCarrier).hasSizeGreaterThanOrEqualTo(4);
        long most = byCarrier.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(byCarrier.get(carrier)).isEqualTo(most);
        long all = byCarrier.values().stream().mapToLong(Long::longValue).sum();
        assertThat(all - most).as("departures by other airlines").isGreaterThanOrEqualTo(all / 4);
    }

    /** Turboprops and regional jets of the shipped aircraft list. */
    static final Set<String> REGIONAL = Set.of("AT5", "AT7", "CR2", "CR7", "CR9", "CRK", "DH4", "DH8", "E70", "E75",
            "E90", "E95", "ER4", "100", "146", "SF3", "J41");

    @Test
    void aircraft_fit_the_distance_and_hubs_link_up_with_mainline_jets() {
        for (Journey j : DAY) {
            double km = DemoTimetable.km(BY_CODE.get(j.origin()), BY_CODE.get(j.destination()));
            String type = j.legs().get(0).aircraft();
            if (km < 2500 && isHub(j.origin()) && isHub(j.destination())) {
                assertThat(type).as(j.id()).isNotIn(WIDEBODIES).isNotIn(REGIONAL);
            } else if (km < 2500) {
                assertThat(type).as(j.id()).isNotIn(WIDEBODIES);
            } else if (km > 5500) {
                assertThat(type).as(j.id()).isIn(WIDEBODIES);
            }
        }
        assertThat(DAY.stream().map(j -> j.legs().get(0).aircraft()).distinct().count()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void flights_leave_in_daytime_waves_and_long_hauls_east_overnight() {
        for (Journey j : DAY) {
            int hour = LocalDateTime.parse(j.departureLocal()).getHour();
            assertThat(hour).as(j.id()).isBetween(6, 23);
            double km = DemoTimetable.km(BY_CODE.get(j.origin()), BY_CODE.get(j.destination()));
            if (km < 4000) {
                assertThat(hour).as(j.id()).isLessThan(22);
            }
        }
        assertThat(DAY.stream().filter(j -> j.origin().equals("JFK") && BY_CODE.get(j.destination()).country().equals("FR")))
                .isNotEmpty().allSatisfy(j -> assertThat(LocalDateTime.parse(j.departureLocal()).getHour()).as(j.id())
                        .isGreaterThanOrEqualTo(17));
        assertThat(DAY.stream().filter(j -> j.origin().equals("CDG") && BY_CODE.get(j.destination()).country().equals("US")))
                .isNotEmpty().allSatisfy(j -> assertThat(LocalDateTime.parse(j.departureLocal()).getHour()).as(j.id())
                        .isBetween(8, 15));
        Map<String, Long> fraByPartOfDay = DAY.stream().filter(j -> j.origin().equals("FRA")).collect(Collectors.groupingBy(
                j -> partOfDay(LocalDateTime.parse(j.departureLocal()).getHour()), Collectors.counting()));
        assertThat(fraByPartOfDay.keySet()).containsExactlyInAnyOrder("morning", "afternoon", "evening");
    }

    @Test
    void each_carrier_flies_a_route_as_often_back_as_out_and_back_after_its_flight_out_has_landed() {
        Map<String, Long> byDirection = DAY.stream().collect(Collectors.groupingBy(
                j -> j.legs().get(0).carrier() + " " + j.origin() + "-" + j.destination(), Collectors.counting()));
        byDirection.forEach((route, flights) -> {
            String back = route.substring(0, route.length() - 7) + route.substring(route.length() - 3) + "-"
                    + route.substring(route.length() - 7, route.length() - 4);
            assertThat(byDirection.get(back)).as(back + " against " + route).isEqualTo(flights);
        });
        Journey fraJfk = DAY.stream().filter(j -> j.origin().equals("FRA") && j.destination().equals("JFK")
                && j.legs().get(0).carrier().equals("LH")).findFirst().orElseThrow();
        String backNumber = "LH" + (Integer.parseInt(fraJfk.legs().get(0).flightNumber().substring(2)) + 1);
        Journey jfkFra = DAY.stream().filter(j -> j.legs().get(0).flightNumber().equals(backNumber)).findFirst()
                .orElseThrow();
        assertThat(jfkFra.origin() + "-" + jfkFra.destination()).isEqualTo("JFK-FRA");
        assertThat(LocalDateTime.parse(jfkFra.departureLocal()).toLocalTime())
                .as("leaves New York after the flight out landed and turned around")
                .isAfter(LocalDateTime.parse(fraJfk.arrivalLocal()).toLocalTime().plusMinutes(90));
    }

    @Test
    void the_flight_numbers_of_a_day_are_unique_per_carrier_and_time() {
        assertThat(DAY.stream().map(Journey::id).distinct().count()).isEqualTo(DAY.size());
    }

    @Test
    void a_flight_number_names_one_flight_a_day() {
        Map<String, List<String>> byNumber = DAY.stream().collect(Collectors.groupingBy(
                j -> j.legs().get(0).flightNumber(), Collectors.mapping(Journey::id, Collectors.toList())));
        assertThat(byNumber.entrySet()).filteredOn(e -> e.getValue().size() > 1).isEmpty();
        assertThat(byNumber).hasSize(DAY.size());
        assertThat(byNumber.keySet()).allMatch(n -> n.matches("[A-Z0-9]{2}\\d{3,4}"));
    }

    private static boolean isHub(String airport) {
        return Set.of("FRA", "MUC", "CDG", "LHR", "AMS", "MAD", "FCO", "ZRH", "VIE", "CPH").contains(airport);
    }

    private static String partOfDay(int hour) {
        return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
    }
}
