package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.airlines.etl.EtlIdle;
import io.airlines.schedule.TimetableStore;
import io.airlines.stream.ReferenceCache;
import io.airlines.stream.ReferenceData.Scheduled;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's simulator flies the demo timetable without the flights its airlines cancel, and
 * announces those: the boards of both ends show them cancelled, not overdue. A board that
 * Lufthansa's schedules fill lists only theirs (an earlier test may have loaded some), so the
 * flights are taken from boards of the demo timetable.
 */
class SimulatedCancellationsIT extends IntegrationTest {

    /** The test stack's simulator seed ({@code TestStack}). */
    private static final long SEED = 7;

    @Autowired
    ReferenceCache references;
    @Autowired
    JsonMapper json;
    @Autowired
    TimetableStore timetables;

    @Test
    void flights_the_simulator_cancels_show_cancelled_on_the_boards_of_both_ends() {
        EtlIdle.waitFor(this::url);
        references.reload();
        long now = System.currentTimeMillis();
        List<Scheduled> today = references.current().legs().stream()
                .filter(l -> l.departure() > now && l.departure() < now + 86_400_000L).toList();
        List<Scheduled> cancelled = CancellationNotices.cancelled(new DelayModel(SEED), today);
        assertThat(cancelled).as("cancelled among %d legs of the next day", today.size()).isNotEmpty();
        OneBoard pair = oneBoard(cancelled, today).orElseThrow(() -> new AssertionError(
                "no cancelled flight of the demo boards whose origin has a flight that goes, among " + today.size()));
        Scheduled flight = pair.cancelled();
        Scheduled flown = pair.flown();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(row(flight.origin(), "departures", flight.flightNumber(), flight.departure()))
                    .containsEntry("status", "cancelled");
            assertThat(row(flight.destination(), "arrivals", flight.flightNumber(), flight.arrival()))
                    .containsEntry("status", "cancelled");
        });
        assertThat(row(flown.origin(), "departures", flown.flightNumber(), flown.departure()).get("status"))
                .isNotEqualTo("cancelled");
    }

    /** A cancelled flight and one that goes from the same board. */
    private record OneBoard(Scheduled cancelled, Scheduled flown) {
    }

    /**
     * The first cancelled flight of the demo boards whose origin has a flight that goes: which
     * flights those are moves with the hour the test runs (the next day's legs), and an airport may
     * have no other flight within it.
     */
    private Optional<OneBoard> oneBoard(List<Scheduled> cancelled, List<Scheduled> today) {
        for (Scheduled flight : cancelled) {
            if (!onDemoBoards(flight)) {
                continue;
            }
            Optional<Scheduled> flown = today.stream().filter(l -> l.origin().equals(flight.origin())
                    && !cancelled.contains(l) && !lufthansaOn(l.origin(), "departures", l.departure())).findFirst();
            if (flown.isPresent()) {
                return Optional.of(new OneBoard(flight, flown.get()));
            }
        }
        return Optional.empty();
    }

    private boolean onDemoBoards(Scheduled leg) {
        return !lufthansaOn(leg.origin(), "departures", leg.departure())
                && !lufthansaOn(leg.destination(), "arrivals", leg.arrival());
    }

    /** Whether a side of the board of an airport's local date lists Lufthansa's flights, as stored. */
    private boolean lufthansaOn(String airport, String side, long at) {
        return timetables.board(airport, localDate(airport, at).toString()).stream()
                .flatMap(board -> board.getList(side, Document.class, List.of()).stream())
                .anyMatch(row -> "lufthansa".equals(row.getString("src")));
    }

    /** The row of a flight on the board of its airport's local date. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> row(String airport, String side, String flightNumber, long at) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) board(airport, localDate(airport, at)).get(side);
        return rows.stream().filter(r -> flightNumber.equals(r.get("flightNumber"))).findFirst()
                .orElseThrow(() -> new AssertionError(flightNumber + " not on the " + side + " of " + airport));
    }

    private LocalDate localDate(String airport, long at) {
        ZoneId zone = ZoneId.of((String) board(airport, LocalDate.ofInstant(Instant.ofEpochMilli(at), ZoneOffset.UTC))
                .get("timeZone"));
        return LocalDate.ofInstant(Instant.ofEpochMilli(at), zone);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> board(String airport, LocalDate date) {
        var response = Http.get(url("/api/v1/airports/" + airport + "/board?date=" + date));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }
}
