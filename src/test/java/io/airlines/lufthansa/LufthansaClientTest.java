package io.airlines.lufthansa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.airlines.etl.ScheduleJourneys;
import io.airlines.lufthansa.fake.FakeLufthansaApi;
import io.airlines.lufthansa.fake.FakeOptions;
import io.airlines.schedule.Journey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LufthansaClientTest {

    @Test
    void a_schedule_404_business_error_is_an_empty_result() throws Exception {
        try (FakeStack stack = new FakeStack(FakeOptions.polite())) {
            String[] pair = pair(false);
            assertThat(new ScheduleReader(stack.client).schedules(pair[0], pair[1], LocalDate.now().plusDays(1))).isEmpty();
        }
    }

    @Test
    void schedules_with_numeric_codes_and_single_legs_become_journeys() throws Exception {
        try (FakeStack stack = new FakeStack(FakeOptions.polite())) {
            String[] pair = pair(true);
            LocalDate date = LocalDate.now().plusDays(1);
            List<JsonNode> schedules = new ScheduleReader(stack.client).schedules(pair[0], pair[1], date);
            assertThat(schedules).isNotEmpty();
            List<Journey> journeys = schedules.stream().map(s -> ScheduleJourneys.of(s, a -> java.util.Optional.of("UTC"))).toList();
            Journey direct = journeys.get(0);
            assertThat(direct.origin()).isEqualTo(pair[0]);
            assertThat(direct.legs().get(0).flightNumber()).matches("LH\\d+");
            assertThat(direct.legs().get(0).aircraft()).matches("\\d{3}");
            assertThat(direct.durationMinutes()).isEqualTo(130);
            assertThat(direct.date()).isEqualTo(date.toString());
        }
    }

    @Test
    void a_dependency_that_keeps_failing_fails_with_a_clear_message_and_no_secret() throws Exception {
        FakeOptions broken = new FakeOptions(10, 3600, 0, 1, 0, 0, 5, 1000, 0);
        try (FakeStack stack = new FakeStack(broken)) {
            assertThatThrownBy(() -> stack.client.get("/mds-references/countries?limit=100&offset=0"))
                    .isInstanceOf(LufthansaException.class)
                    .hasMessageContaining("failed 5 times")
                    .hasMessageContaining("HTTP 503")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(FakeStack.SECRET).doesNotContain("token-"));
        }
    }

    @Test
    void wrong_credentials_are_reported_without_the_secret() throws Exception {
        try (FakeLufthansaApi api = new FakeLufthansaApi("other-secret", FakeOptions.polite())) {
            LufthansaClient client = new LufthansaClient(FakeStack.settings(api.baseUrl()), new RateLimiter(5, 1000),
                    tools.jackson.databind.json.JsonMapper.builder().build());
            assertThatThrownBy(() -> client.get("/mds-references/countries?limit=1&offset=0"))
                    .hasMessageContaining("LUFTHANSA_CLIENT_SECRET")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(FakeStack.SECRET));
        }
    }

    @Test
    void the_rate_limiter_never_starts_more_than_its_limit_in_any_second() throws Exception {
        RateLimiter limiter = new RateLimiter(5, 1000);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            limiter.acquire().close();
            starts.add(System.nanoTime());
        }
        for (int i = 5; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 5)).isGreaterThanOrEqualTo(1_000_000_000L);
        }
        // ... and does not crawl either: 16 starts at 5/s take about 3 s.
        assertThat(starts.get(15) - starts.get(0)).isLessThan(3_600_000_000L);
    }

    static String[] pair(boolean withSchedule) {
        List<String> codes = List.of("FRA", "JFK", "MUC", "LHR", "CDG", "AMS", "MAD", "ZRH");
        for (String a : codes) {
            for (String b : codes) {
                if (!a.equals(b) && FakeLufthansaApi.hasSchedule(a, b) == withSchedule) {
                    return new String[] {a, b};
                }
            }
        }
        throw new IllegalStateException("no pair");
    }
}
