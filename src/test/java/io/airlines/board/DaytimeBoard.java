package io.airlines.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.airlines.support.Http;
import tools.jackson.databind.json.JsonMapper;

/**
 * The board of today at a hub where it is daytime now, so it has flights hours before and after
 * now whatever the hour the test runs at: Frankfurt, New York or Tokyo (New York only until
 * midnight UTC, when the demo timetable, which starts on the UTC date, has its day). Rows are the
 * board API's JSON.
 */
public record DaytimeBoard(String airport, ZoneId zone, Instant now) {

    public static DaytimeBoard atThisHour() {
        Instant now = Instant.now();
        String[][] hubs = {{"FRA", "Europe/Berlin", "20"}, {"JFK", "America/New_York", "19"}, {"NRT", "Asia/Tokyo", "20"}};
        for (String[] hub : hubs) {
            ZoneId zone = ZoneId.of(hub[1]);
            LocalTime local = now.atZone(zone).toLocalTime();
            boolean sameDate = now.atZone(zone).toLocalDate().compareTo(LocalDate.ofInstant(now, ZoneOffset.UTC)) >= 0;
            if (sameDate && !local.isBefore(LocalTime.of(9, 0)) && local.isBefore(LocalTime.of(Integer.parseInt(hub[2]), 0))) {
                return new DaytimeBoard(hub[0], zone, now);
            }
        }
        throw new IllegalStateException("no daytime hub at " + now);
    }

    public String date() {
        return now.atZone(zone).toLocalDate().toString();
    }

    /** {@code GET /api/v1/airports/{airport}/board?date=<today there>}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> read(Function<String, String> url, JsonMapper json) {
        HttpResponse<String> response = Http.get(url.apply("/api/v1/airports/" + airport + "/board?date=" + date()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    public Instant scheduled(Map<String, Object> row) {
        return ZonedDateTime.of(LocalDateTime.parse(text(row, "timeLocal")), zone).toInstant();
    }

    /**
     * Rows scheduled from {@code fromMinutesAgo} to {@code toMinutesAgo} before now (negative: after
     * now), of flight numbers listed once on that side of the board.
     */
    public List<Map<String, Object>> between(List<Map<String, Object>> rows, int fromMinutesAgo, int toMinutesAgo) {
        Instant from = now.minus(Duration.ofMinutes(fromMinutesAgo));
        Instant to = now.minus(Duration.ofMinutes(toMinutesAgo));
        return rows.stream().filter(r -> !scheduled(r).isBefore(from) && !scheduled(r).isAfter(to))
                .filter(r -> rows.stream().filter(o -> number(o).equals(number(r))).count() == 1).toList();
    }

    /** The row of {@code rows} for the same flight and time as {@code like}. */
    public static Map<String, Object> row(List<Map<String, Object>> rows, Map<String, Object> like) {
        return rows.stream().filter(r -> number(r).equals(number(like)) && text(r, "timeLocal").equals(text(like, "timeLocal")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> departures(Map<String, Object> board) {
        return (List<Map<String, Object>>) board.get("departures");
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> arrivals(Map<String, Object> board) {
        return (List<Map<String, Object>>) board.get("arrivals");
    }

    public static String number(Map<String, Object> row) {
        return text(row, "flightNumber");
    }

    public static String text(Map<String, Object> row, String field) {
        return (String) row.get(field);
    }
}
