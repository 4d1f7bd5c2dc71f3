package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;

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
}
