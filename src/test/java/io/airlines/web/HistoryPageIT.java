package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.airlines.flight.Flights;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The history page on a flight that landed: sent through the HTTP ingest from Frankfurt to Munich,
 * cut into a leg by the running pipeline, then found on the page of its day, opened, its track
 * drawn with a marker the slider moves, and its profile charted; a link restores the view.
 */
class HistoryPageIT extends BrowserTest {

    /** The page loads OpenLayers and uPlot: on a busy 2-core machine that takes longer than Playwright's 30 s default. */
    private static final double PAGE_TIMEOUT_MS = 90_000;

    private String callsign;
    private String day;
    private String legId;

    @BeforeEach
    void landAFlight() {
        context.setDefaultTimeout(PAGE_TIMEOUT_MS);
        LandedFlight landed = LandedFlight.land(this::url);
        callsign = landed.callsign();
        day = landed.day();
        legId = landed.legId();
    }

    private JsonNode json(String path) {
        return LandedFlight.json(this::url, path);
    }

    private static Locator row(Page page, String id) {
        return page.locator("#legs tbody tr[data-leg='" + id + "']");
    }

    private static void awaitTrack(Page page) {
        page.waitForFunction("() => Number(document.getElementById('leg-map').dataset.trackPoints) > 10",
                null, new Page.WaitForFunctionOptions().setTimeout(PAGE_TIMEOUT_MS));
        page.waitForFunction("() => document.querySelectorAll('#leg-profile canvas').length > 0",
                null, new Page.WaitForFunctionOptions().setTimeout(PAGE_TIMEOUT_MS));
    }

    @Test
    void the_day_lists_the_landed_flight_and_opening_it_draws_its_track_and_profile() {
        Page page = open("/history?date=" + day);
        assertThat(page.locator("nav a[aria-current=page]").innerText()).isEqualTo("History");
        page.locator("#h-q").fill(callsign.toLowerCase(Locale.ROOT));
        page.locator("#h-show").click();
        // the day's list may show the flight already: wait for the filtered list to replace it
        page.waitForFunction("() => new URLSearchParams(location.search).has('q')"
                + " && document.querySelectorAll('#legs tbody tr').length === 1");
        row(page, legId).waitFor();
        String listed = row(page, legId).innerText();
        assertThat(listed).contains("FRA → MUC").containsAnyOf("Landed", "At the gate");
        assertThat(page.url()).contains("date=" + day).contains("q=" + callsign.toLowerCase(Locale.ROOT));

        row(page, legId).locator("td.flight a").click();
        awaitTrack(page);
        assertThat(page.url()).contains("leg=" + legId);
        assertThat(page.locator("#leg-route").innerText()).isEqualTo("FRA → MUC");
        assertThat(page.locator("#leg-profile").getAttribute("data-points"))
                .isEqualTo(String.valueOf(json("/api/v1/history/flights/" + legId + "/track").path("points").size()));

        String startLat = page.locator("#leg-map").getAttribute("data-marker-lat");
        assertThat(Double.parseDouble(startLat)).isCloseTo(Flights.FRA[0], offset(0.05));
        page.locator("#leg-time").evaluate("s => { s.value = s.max; s.dispatchEvent(new Event('input')); }");
        assertThat(Double.parseDouble(page.locator("#leg-map").getAttribute("data-marker-lat")))
                .as("the slider at its end puts the marker at Munich")
                .isCloseTo(Flights.MUC[0], offset(0.05));
        assertThat(page.locator("#leg-readout").innerText()).endsWith("km/h").contains("UTC");
        screenshot(page, "history-en");
    }

    @Test
    void a_link_restores_the_filters_and_the_opened_flight_and_the_french_page_speaks_french() {
        BrowserContext french = contextFor("fr-FR", 390, 844);
        french.setDefaultTimeout(PAGE_TIMEOUT_MS);
        try {
            Page page = open(french, "/history?date=" + day + "&q=" + callsign + "&leg=" + legId);
            assertThat(page.locator("#h-q").inputValue()).isEqualTo(callsign);
            assertThat(page.locator("#h-date").inputValue()).isEqualTo(day);
            row(page, legId).waitFor();
            awaitTrack(page);
            assertThat(page.locator("h1").innerText()).isEqualTo("Historique des vols");
            assertThat(page.locator("#legs thead th").allInnerTexts()).map(String::strip)
                    .containsSubsequence("Vol", "Trajet", "Départ (UTC)", "Arrivée (UTC)", "État");
            assertThat(row(page, legId).innerText()).containsAnyOf("Atterri", "Au parking");
            assertThat(row(page, legId).locator("td.times").first().isVisible()).as("times stay on a phone").isTrue();
            assertThat(page.locator("#leg-map").isVisible()).isTrue();
            assertThat(page.locator("#leg-map").boundingBox().y)
                    .as("the map is below the list on a phone")
                    .isGreaterThan(page.locator("#legs").boundingBox().y);
            screenshot(page, "history-fr-390");
        } finally {
            french.close();
        }
    }
}
