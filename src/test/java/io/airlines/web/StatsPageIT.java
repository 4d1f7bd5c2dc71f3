package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

class StatsPageIT extends BrowserTest {

    @Test
    void the_pipeline_figures_are_charted_and_the_live_count_is_shown() {
        Page page = open("/stats");
        page.waitForFunction("() => document.body.dataset.statsLoaded === 'true'");
        assertThat(page.locator(".chart canvas").count()).as("one uPlot chart per figure").isEqualTo(5);
        String live = page.locator(".chart[data-metric=live] .value").innerText();
        assertThat(Integer.parseInt(live.replaceAll("\\D", ""))).isPositive();
        assertThat(page.locator("h2").allInnerTexts()).contains("Messages in per second", "Consumer lag (records)", "ETL runs");
        screenshot(page, "stats-en");
    }

    @Test
    void the_traffic_charts_show_the_live_flights_by_airline_in_the_page_language() {
        Page page = open("/stats");
        page.waitForFunction("() => document.body.dataset.trafficLoaded === 'true'");
        assertThat(page.locator(".traffic-chart canvas").count()).as("one uPlot chart per traffic figure").isEqualTo(4);
        assertThat(Integer.parseInt(page.locator("#traffic-now").innerText().replaceAll("\\D", ""))).isPositive();
        // the simulator's aircraft all fly for an airline: the chart has its bars
        page.waitForFunction("() => document.querySelector('[data-traffic=byAirline]').dataset.labels.length > 0");
        String values = page.locator("[data-traffic=byAirline]").getAttribute("data-values");
        assertThat(values.split(",")).allSatisfy(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(page.locator("[data-traffic=delays]").getAttribute("data-labels")).startsWith("early,0–5,5–15").endsWith("120+");
        assertThat(page.locator(".traffic-chart h3").allInnerTexts()).contains("Flights now by airline", "Busiest airports today (departures + arrivals)");
        page.locator("#traffic").scrollIntoViewIfNeeded();
        screenshot(page, "stats-traffic-en");

        try (BrowserContext fr = contextFor("fr-FR", 1280, 900)) {
            Page french = open(fr, "/stats");
            french.waitForFunction("() => document.body.dataset.trafficLoaded === 'true'");
            assertThat(french.locator(".traffic-chart h3").allInnerTexts()).contains("Vols en ce moment par compagnie");
            assertThat(french.locator("[data-traffic=delays]").getAttribute("data-labels")).startsWith("en avance,");
        }
    }
}
