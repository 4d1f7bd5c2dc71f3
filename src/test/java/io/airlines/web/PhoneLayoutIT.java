package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.LocalDate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On a 390 × 844 phone: a compact header, the live map visible around its panels, tables with their times in view. */
class PhoneLayoutIT extends BrowserTest {

    private static final int WIDTH = 390, HEIGHT = 844;

    /** Share of the screen, sampled on a grid, where what a finger would touch is the map. */
    private static final String MAP_SHARE = "() => { let map = 0, all = 0;"
            + " for (let x = 5; x < innerWidth; x += 10) for (let y = 5; y < innerHeight; y += 10) {"
            + "   all++; if (document.getElementById('map').contains(document.elementFromPoint(x, y))) map++; }"
            + " return map / all; }";

    @BeforeEach
    void timetable() {
        awaitDemoTimetable();
    }

    @Test
    void the_live_map_stays_at_least_half_visible_with_the_detail_panel_open() {
        String key = FlyingAircraft.key(this::url);
        try (BrowserContext phone = contextFor("fr-FR", WIDTH, HEIGHT)) {
            Page page = open(phone, "/live?sel=" + key);
            page.locator("#detail").waitFor();
            page.waitForFunction("() => document.getElementById('d-eta').textContent !== '—'");
            assertThat(((Number) page.evaluate(MAP_SHARE)).doubleValue()).as("share of the screen showing the map")
                    .isGreaterThanOrEqualTo(0.5);
            assertThat(page.locator("#detail").boundingBox().y + page.locator("#detail").boundingBox().height)
                    .as("the detail sheet sits at the bottom").isCloseTo(HEIGHT, offset(2.0));
            assertCompactHeader(page);
            screenshot(page, "phone-live-detail-fr");
        }
    }

    @Test
    void a_board_row_keeps_its_times_on_screen() {
        try (BrowserContext phone = contextFor("fr-FR", WIDTH, HEIGHT)) {
            Page page = open(phone, "/airports/FRA");
            Locator row = page.locator("#departures tbody tr").first();
            assertOnScreen(row.locator("td").first(), "scheduled time");
            assertOnScreen(row.locator("td.updated"), "expected or actual time");
            assertThat(page.locator("#departures caption").innerText()).startsWith("Heure locale, FRA (UTC");
            assertThat(page.evaluate("() => document.documentElement.scrollWidth")).as("no sideways scrolling")
                    .isEqualTo(WIDTH);
            assertCompactHeader(page);
            screenshot(page, "phone-board-fr");
        }
    }

    @Test
    void a_search_result_keeps_its_departure_and_arrival_times_on_screen() {
        try (BrowserContext phone = contextFor("en-US", WIDTH, HEIGHT)) {
            Page page = open(phone, "/?from=FRA&to=JFK&date=" + LocalDate.now().plusDays(1));
            Locator row = page.locator("#outbound tbody tr").first();
            assertOnScreen(row.locator("td").nth(3), "departure time");
            assertOnScreen(row.locator("td").nth(4), "arrival time");
            assertThat(page.locator("#outbound thead").innerText()).contains("Departure (local time)", "Arrival (local time)");
            screenshot(page, "phone-search-en");
        }
    }

    private static void assertOnScreen(Locator cell, String what) {
        BoundingBox box = cell.boundingBox();
        assertThat(box).as(what + " is shown").isNotNull();
        assertThat(box.x).as(what + " left edge").isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as(what + " right edge").isLessThanOrEqualTo(WIDTH);
    }

    private static void assertCompactHeader(Page page) {
        assertThat(page.locator("header.site-header").boundingBox().height).as("header height").isLessThanOrEqualTo(56);
    }
}
