package io.airlines.web;

import static io.airlines.board.DaytimeBoard.departures;
import static io.airlines.board.DaytimeBoard.number;
import static io.airlines.board.DaytimeBoard.text;
import static io.airlines.board.Legs.leg;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.airlines.board.DaytimeBoard;
import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.LegStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Live status on the airport board and in today's search results, with legs saved in the store. */
class BoardPageIT extends BrowserTest {

    @Autowired
    LegStore legs;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void timetable() {
        awaitDemoTimetable();
    }

    @Test
    void the_board_shows_the_status_in_french_links_the_flight_to_the_map_and_refreshes_rows_in_place() {
        DaytimeBoard board = DaytimeBoard.atThisHour();
        List<Map<String, Object>> rows = departures(board.read(this::url, json));
        Map<String, Object> flying = board.between(rows, 300, 105).get(0);
        List<Map<String, Object>> upcoming = board.between(rows, -30, -600);
        Map<String, Object> later = upcoming.get(upcoming.size() - 1);
        Instant s = board.scheduled(flying);
        legs.save(List.of(leg("b0a4e1", number(flying), board.airport(), text(flying, "destination"),
                s.minusSeconds(600), s.plusSeconds(300), s.plusSeconds(900), null, LegStatus.AIRBORNE)));

        try (BrowserContext french = contextFor("fr-FR", 1280, 900)) {
            Page page = open(french, "/airports/" + board.airport() + "?date=" + board.date());
            Locator flyingRow = rowOf(page, flying);
            assertThat(flyingRow.locator(".fs").innerText()).isEqualTo("En vol");
            assertThat(flyingRow.locator(".fs").getAttribute("data-status")).isEqualTo("airborne");
            assertThat(flyingRow.locator("a[href='/live?sel=b0a4e1']").innerText()).isEqualTo(number(flying));
            assertThat(page.locator("#departures thead").innerText()).contains("Statut", "Prévu / réel");
            Locator laterRow = rowOf(page, later);
            assertThat(laterRow.locator(".fs").innerText()).isEqualTo("Prévu");
            assertThat(laterRow.locator("td.flight a").count()).isZero();

            page.evaluate("() => document.getElementById('departures').dataset.sameDocument = 'yes'");
            Instant now = Instant.now();
            legs.save(List.of(leg("b0a4e2", number(later), board.airport(), text(later, "destination"),
                    now.minusSeconds(300), now.minusSeconds(60), null, null, LegStatus.TAXI_OUT)));
            page.evaluate("() => window.airlinesBoard.refresh()");
            assertThat(laterRow.locator(".fs").innerText()).isEqualTo("Parti");
            assertThat(laterRow.locator("a[href='/live?sel=b0a4e2']").count()).isOne();
            assertThat(laterRow.locator(".updated").innerText()).matches("\\d\\d:\\d\\d");
            assertThat(page.locator("#departures").getAttribute("data-same-document")).isEqualTo("yes");
            assertThat(page.locator("#board-updated").innerText()).startsWith("Mis à jour à ");
            screenshot(page, "airport-board-status-fr");
        }
    }

    @Test
    void search_results_of_today_show_the_status_of_each_flight() {
        DaytimeBoard board = DaytimeBoard.atThisHour();
        Map<String, Object> flying = board.between(departures(board.read(this::url, json)), 300, 105).get(1);
        Instant s = board.scheduled(flying);
        legs.save(List.of(leg("b0a4e3", number(flying), board.airport(), text(flying, "destination"),
                s.minusSeconds(600), s.plusSeconds(60), s.plusSeconds(600), null, LegStatus.AIRBORNE)));

        Page page = open("/?from=" + board.airport() + "&to=" + text(flying, "destination") + "&date=" + board.date());
        Locator row = page.locator("#outbound tbody tr:has(td.flight:text-is('" + number(flying) + "'))");
        assertThat(row.locator(".fs").innerText()).isEqualTo("Airborne");
        assertThat(row.locator("a[href='/live?sel=b0a4e3']").count()).isOne();
        assertThat(page.locator("#outbound thead").innerText()).contains("Status");
    }

    private static Locator rowOf(Page page, Map<String, Object> row) {
        return page.locator("#departures tbody tr[data-flight='" + number(row) + "'][data-time='" + text(row, "timeLocal") + "']");
    }
}
