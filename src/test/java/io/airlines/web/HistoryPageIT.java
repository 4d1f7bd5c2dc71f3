package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.stream.Collectors;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.airlines.flight.Flights;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.TestKafka;
import io.airlines.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history page on a flight that landed: sent through the HTTP ingest from Frankfurt to Munich,
 * cut into a leg by the running pipeline, then found on the page of its day, opened, its track
 * drawn with a marker the slider moves, and its profile charted; a link restores the view.
 */
class HistoryPageIT extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    /** The page loads OpenLayers and uPlot: on a busy 2-core machine that takes longer than Playwright's 30 s default. */
    private static final double PAGE_TIMEOUT_MS = 90_000;

    private String callsign;
    private String day;
    private String legId;

    /** One flight landed about fifteen minutes ago, its leg and its positions stored. */
    @BeforeEach
    void landAFlight() {
        context.setDefaultTimeout(PAGE_TIMEOUT_MS);
        String key = TestKafka.uniqueKey("");
        callsign = "TST" + key.substring(2).toUpperCase(Locale.ROOT);
        long start = System.currentTimeMillis() - 40 * 60_000;
        day = LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC).toString();
        PositionCodec codec = PositionCodec.standalone();
        String body = new Flights(key, callsign, null, start, Flights.FRA, "http").taxi(3).flyTo(Flights.MUC).taxi(2)
                .positions().stream().map(p -> new String(codec.encode(p), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
        HttpResponse<String> sent = Http.post(url("/api/v1/positions"), "application/x-ndjson", body);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(sent.body()).as("every position accepted").contains("\"rejected\":0");
        await().atMost(PIPELINE).untilAsserted(() -> {
            JsonNode legs = json("/api/v1/history/flights?date=" + day + "&q=" + callsign);
            assertThat(legs.size()).isEqualTo(1);
            assertThat(legs.get(0).path("status").asString()).isIn("landed", "arrived");
            legId = legs.get(0).path("id").asString();
        });
        // The aircraft's stored positions (not the leg's track, which the page is to show).
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(json("/api/v1/flights/" + key + "/track?from="
                + Instant.ofEpochMilli(start - 1000)).path("points").size()).isGreaterThan(10));
    }

    private JsonNode json(String path) {
        return JSON.readTree(Http.get(url(path)).body());
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
        row(page, legId).waitFor();
        assertThat(page.locator("#legs tbody tr").count()).isEqualTo(1);
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
