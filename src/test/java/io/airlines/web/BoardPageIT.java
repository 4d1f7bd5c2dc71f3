package io.airlines.web;

import static io.airlines.board.Legs.leg;
import static io.airlines.schedule.OwnTimetable.HUB;
import static io.airlines.schedule.OwnTimetable.OTHER;
import static io.airlines.schedule.OwnTimetable.flight;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.mongodb.client.MongoDatabase;
import io.airlines.board.Cancellations;
import io.airlines.board.Cancellations.Cancellation;
import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.LegStore;
import io.airlines.schedule.FlightSearch;
import io.airlines.schedule.OwnTimetable;
import io.airlines.schedule.OwnTimetable.Flight;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live status on the airport board and in today's search results, with legs saved in the store
 * and cancellations announced, on a timetable of the test's own around the application clock's now.
 */
class BoardPageIT extends BrowserTest {

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

    @BeforeEach
    void timetable() {
        awaitDemoTimetable();
    }

    @Test
    void the_board_shows_the_status_in_french_links_the_flight_to_the_map_and_refreshes_rows_in_place() {
        Instant now = clock.instant();
        Flight flying = flight(9941, HUB, now.minus(Duration.ofMinutes(150)));
        Flight later = flight(9943, HUB, now.plus(Duration.ofMinutes(120)));
        Flight cancelled = flight(9945, HUB, later.departure());
        write(List.of(flying, later, cancelled), cancelled);
        Instant s = flying.departure();
        legs.save(List.of(leg("b0a4e1", flying.number(), HUB, OTHER, s.minusSeconds(600), s.plusSeconds(300),
                s.plusSeconds(900), null, LegStatus.AIRBORNE)));

        try (BrowserContext french = contextFor("fr-FR", 1280, 900)) {
            Page page = open(french, "/airports/" + HUB + "?date=" + flying.dateAt(HUB));
            Locator flyingRow = rowOf(page, flying);
            assertThat(flyingRow.locator(".fs").innerText()).isEqualTo("En vol");
            assertThat(flyingRow.locator(".fs").getAttribute("data-status")).isEqualTo("airborne");
            assertThat(flyingRow.locator("a[href='/live?sel=b0a4e1']").innerText()).isEqualTo(flying.number());
            assertThat(page.locator("#departures thead").innerText()).contains("Statut", "Prévu / réel");

            page = open(french, "/airports/" + HUB + "?date=" + later.dateAt(HUB));
            Locator laterRow = rowOf(page, later);
            assertThat(laterRow.locator(".fs").innerText()).isEqualTo("Prévu");
            assertThat(laterRow.locator("td.flight a").count()).isZero();
            assertThat(rowOf(page, cancelled).locator(".fs").innerText()).isEqualTo("Annulé");
            assertThat(rowOf(page, cancelled).locator(".fs").getAttribute("data-status")).isEqualTo("cancelled");

            page.evaluate("() => document.getElementById('departures').dataset.sameDocument = 'yes'");
            legs.save(List.of(leg("b0a4e2", later.number(), HUB, OTHER, now.minusSeconds(300), now.minusSeconds(60),
                    null, null, LegStatus.TAXI_OUT)));
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
        Instant now = clock.instant();
        // Scheduled this minute: a flight of today, whatever the hour.
        Flight flying = flight(9951, HUB, now);
        Flight cancelled = flight(9953, HUB, now);
        write(List.of(flying, cancelled), cancelled);
        legs.save(List.of(leg("b0a4e3", flying.number(), HUB, OTHER, now.minusSeconds(600), now.minusSeconds(300),
                now.minusSeconds(60), null, LegStatus.AIRBORNE)));

        Page page = open("/?from=" + HUB + "&to=" + OTHER + "&date=" + flying.dateAt(HUB));
        Locator row = page.locator("#outbound tbody tr:has(td.flight:text-is('" + flying.number() + "'))");
        assertThat(row.locator(".fs").innerText()).isEqualTo("Airborne");
        assertThat(row.locator("a[href='/live?sel=b0a4e3']").count()).isOne();
        assertThat(page.locator("#outbound tbody tr:has(td.flight:text-is('" + cancelled.number() + "')) .fs")
                .innerText()).isEqualTo("Cancelled");
        assertThat(page.locator("#outbound thead").innerText()).contains("Status");
    }

    private void write(List<Flight> flights, Flight cancelled) {
        new OwnTimetable(database, search).write(flights);
        cancellations.announce(List.of(new Cancellation(cancelled.number(), cancelled.origin(), cancelled.destination(),
                cancelled.departure(), cancelled.arrival())));
    }

    private static Locator rowOf(Page page, Flight flight) {
        return page.locator("#departures tbody tr[data-flight='" + flight.number() + "'][data-time='"
                + flight.localAt(HUB) + "']");
    }
}
