package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.airlines.support.Http;
import org.junit.jupiter.api.Test;

/** The search form's own checks: what a person is told before any search runs. */
class SearchFormIT extends BrowserTest {

    @Test
    void a_bad_date_in_a_link_is_explained_next_to_the_field_in_french() {
        try (BrowserContext french = contextFor("fr-FR", 390, 844)) {
            Page page = open(french, "/?from=PAR&to=JFK&date=2026-13-45");
            assertThat(page.locator("#date-error").innerText())
                    .isEqualTo("Saisissez la date de départ au format AAAA-MM-JJ.");
            assertThat(page.locator("#date").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.locator("#date").getAttribute("aria-describedby")).isEqualTo("date-error");
            assertThat(page.locator("#from").inputValue()).as("what was typed is kept").isEqualTo("PAR");
            assertThat(page.locator("#results").count()).isZero();
            screenshot(page, "search-bad-date-fr-phone");
        }
    }

    @Test
    void a_return_before_departure_and_missing_places_are_refused_with_status_400() {
        HttpResponse<String> response = Http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url("/?from=&to=&date=2026-12-08&return=2026-12-01")))
                .header("Accept-Language", "en"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("Enter a departure city or airport.")
                .contains("Enter a destination city or airport.")
                .contains("The return date must be on or after the departure date.");
    }

    @Test
    void the_empty_form_is_labelled_and_usable_with_the_keyboard() {
        Page page = open("/");
        assertThat(page.locator("label[for=from]").innerText()).isEqualTo("From");
        assertThat(page.locator("label[for=to]").innerText()).isEqualTo("To");
        assertThat(page.locator("label[for=date]").innerText()).isEqualTo("Departure date");
        assertThat(page.locator("label[for=return]").innerText()).isEqualTo("Return date (optional)");
        page.locator("#from").focus();
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("to");
        assertThat(page.locator("h1").innerText()).isEqualTo("Find a flight");
        screenshot(page, "search-empty-en");
    }
}
