package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AirportPageIT extends BrowserTest {

    @BeforeEach
    void timetable() {
        awaitDemoTimetable();
    }

    @Test
    void an_airport_shows_its_departures_and_arrivals_of_the_day_in_french() {
        String day = LocalDate.now().plusDays(1).toString();
        try (BrowserContext french = contextFor("fr-FR", 1280, 900)) {
            Page page = open(french, "/airports/fra?date=" + day);
            assertThat(page.locator("h1").innerText()).startsWith("Aéroport FRA");
            assertThat(page.locator("#departures tbody tr").count()).isPositive();
            assertThat(page.locator("#arrivals tbody tr").count()).isPositive();
            assertThat(page.locator("#date").inputValue()).isEqualTo(day);
            assertThat(page.locator("#dep-h").innerText()).isEqualTo("Départs");
            // The airport's own map link; links to simulated aircraft nearby ("/live?sel=…") come and go.
            assertThat(page.locator("a[href^='/live?lat=']").getAttribute("href")).contains("route=FRA");
            screenshot(page, "airport-fra-fr");
        }
    }

    @Test
    void a_boards_flight_is_followed_from_its_row_and_the_live_map_lists_it() {
        context.setDefaultNavigationTimeout(120_000);
        Page page = open("/airports/FRA?date=" + LocalDate.now().plusDays(1));
        Locator row = page.locator("#departures tbody tr").first();
        String flight = row.getAttribute("data-flight");
        Locator bell = page.locator("#departures tbody tr[data-flight='" + flight + "'] button.bell").first();
        assertThat(bell.getAttribute("aria-pressed")).isEqualTo("false");
        bell.click();
        assertThat(bell.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(bell.getAttribute("title")).isEqualTo("Stop watching");

        page.reload();
        assertThat(bell.getAttribute("aria-pressed")).as("followed after a reload").isEqualTo("true");
        Page live = open("/live");
        live.locator("#watchlist li[data-kind='flight'][data-id='" + flight + "']").waitFor();
    }

    @Test
    void the_watch_bells_are_drawn_by_the_page_not_by_an_emoji_font_the_system_may_lack() {
        Page page = open("/airports/FRA?date=" + LocalDate.now().plusDays(1));
        for (String selector : new String[] {"#departures tbody tr button.bell", "#watch-airport"}) {
            Locator button = page.locator(selector).first();
            assertThat(button.textContent()).as(selector).doesNotContain("\uD83D\uDD14");
            Object bell = button.evaluate("b => { const s = getComputedStyle(b, '::before');"
                    + " return [s.maskImage || s.webkitMaskImage, s.width]; }");
            assertThat(bell.toString()).as(selector).contains("image/svg+xml").contains("px");
            assertThat(button.boundingBox().width).as(selector).isGreaterThan(8);
        }
    }

    @Test
    void an_unknown_airport_says_so_and_the_finder_goes_to_a_typed_code() {
        Page page = open("/airports/QQZ");
        assertThat(page.locator("#not-found").innerText()).isEqualTo("Unknown airport QQZ");
        page.navigate(url("/airports/find"));
        page.locator("#code").fill("cdg");
        page.locator("#code").press("Enter");
        page.waitForURL("**/airports/CDG");
        assertThat(page.locator("#departures tbody tr").count()).isPositive();
    }
}
