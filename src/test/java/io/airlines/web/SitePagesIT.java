package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

class SitePagesIT extends BrowserTest {

    @Test
    void the_language_follows_the_browser_and_a_switch_is_remembered() {
        try (BrowserContext french = contextFor("fr-FR", 1280, 800)) {
            Page page = open(french, "/about");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fr");
            assertThat(page.locator("nav").innerText()).contains("Recherche", "Carte en direct", "Statistiques");
            page.locator("#lang-en").click();
            page.waitForURL("**lang=en");
            assertThat(page.locator("nav").innerText()).contains("Search", "Live map", "Statistics");
            page.navigate(url("/about"));
            assertThat(page.locator("html").getAttribute("lang")).as("remembered in a cookie").isEqualTo("en");
        }
    }

    @Test
    void the_about_page_says_what_is_running_and_every_page_has_the_title_and_navigation() {
        Page page = open("/about");
        assertThat(page.locator("#kafka-address").innerText()).startsWith("127.0.0.1:");
        assertThat(page.locator(".tagline").innerText()).isEqualTo("Airlines: thousands of flights at your fingertips.");
        screenshot(page, "about");
    }

    @Test
    void the_privacy_page_says_what_is_stored_for_how_long_and_how_to_have_an_aircraft_removed() {
        Page english = open("/privacy?lang=en");
        assertThat(english.locator("#store-retention").innerText()).isEqualTo("Tracks, latest states and events: 7 days, then purged.");
        assertThat(english.locator("#kafka-retention").innerText()).contains("24 hours");
        assertThat(english.locator("main").innerText()).contains("DELETE", "/api/v1/aircraft-data/", "no cookies");
        assertThat(english.locator("footer a[href='/privacy']").innerText()).isEqualTo("Privacy");
        try (BrowserContext french = contextFor("fr-FR", 1280, 800)) {
            Page page = open(french, "/privacy");
            assertThat(page.locator("#store-retention").innerText()).isEqualTo("Trajectoires, derniers états et événements : 7 jours, puis effacés.");
            assertThat(page.locator("main").innerText()).contains("Effacement").doesNotContain("days", "What is stored");
            screenshot(page, "privacy-fr");
        }
    }
}
