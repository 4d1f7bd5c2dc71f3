package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;


import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.airlines.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flight search through the page, against the real search API and the demo timetable. */
class SearchPageIT extends BrowserTest {

    private final String today = LocalDate.now().toString();
    private final String inTwoDays = LocalDate.now().plusDays(2).toString();

    @BeforeEach
    void demoTimetableIsLoaded() {
        awaitDemoTimetable();
    }

    /** Types into From/To like a person, picking the type-ahead suggestion with the keyboard. */
    private static void pickPlace(Page page, String field, String typed, String expectedLabelPart) {
        Locator input = page.locator("#" + field);
        input.fill(typed);
        page.waitForFunction("([f, part]) => [...document.getElementById(f + '-options').options].some(o => o.value.includes(part))",
                List.of(field, expectedLabelPart));
        String label = (String) page.evaluate("([f, part]) => [...document.getElementById(f + '-options').options]"
                + ".find(o => o.value.includes(part)).value", List.of(field, expectedLabelPart));
        input.fill(label);
    }

    @Test
    void a_round_trip_search_in_french_shows_outbound_and_return_and_the_url_holds_the_query() {
        try (BrowserContext french = contextFor("fr-FR", 1280, 900)) {
            Page page = open(french, "/");
            assertThat(page.locator("#search-button").innerText()).isEqualTo("Rechercher");
            pickPlace(page, "from", "Pari", "(PAR)");
            pickPlace(page, "to", "New Y", "(NYC)");
            page.locator("#date").fill(today);
            page.locator("#return").fill(inTwoDays);
            page.locator("#return").press("Enter");
            page.waitForURL("**/?from=*");
            assertThat(page.url()).contains("date=" + today).contains("return=" + inTwoDays);
            assertThat(page.locator("#outbound h2").innerText()).startsWith("Aller : ").contains("Paris");
            assertThat(page.locator("#inbound h2").innerText()).startsWith("Retour : ").contains("New York");
            assertThat(page.locator("#outbound tbody tr").count()).isPositive();
            assertThat(page.locator("#inbound tbody tr").count()).isPositive();
            assertThat(page.locator("#outbound thead").innerText()).contains("Vols", "Compagnies", "Départ", "Arrivée", "Durée", "Escales", "Appareil");
            assertThat(page.locator("#inbound tbody tr").first().locator("td").nth(2).innerText())
                    .as("the return really flies back").matches("(JFK|EWR|LGA).*→.*(CDG|ORY|BVA).*");
            screenshot(page, "search-round-trip-fr");
        }
    }

    @Test
    void a_round_trip_search_in_english_and_its_deep_link_reload_the_same_results() {
        Page page = open("/?lang=en");
        pickPlace(page, "from", "Frankf", "(FRA)");
        pickPlace(page, "to", "JFK", "(JFK)");
        page.locator("#date").fill(inTwoDays);
        page.locator("#return").fill(inTwoDays);
        page.locator("#search-button").click();
        page.waitForURL("**/?from=*");
        assertThat(page.locator("#outbound h2").innerText()).startsWith("Outbound: ");
        assertThat(page.locator("#inbound h2").innerText()).startsWith("Return: ");
        List<String> outbound = page.locator("#outbound tbody tr").allInnerTexts();
        assertThat(outbound).isNotEmpty();
        assertThat(outbound.get(0)).contains("FRA → JFK");

        Page reloaded = open(page.url().replaceFirst("^http://[^/]+", ""));
        assertThat(reloaded.locator("#outbound tbody tr").allInnerTexts()).isEqualTo(outbound);
        assertThat(reloaded.locator("#from").inputValue()).contains("(FRA)");
        assertThat(reloaded.locator("#return").inputValue()).isEqualTo(inTwoDays);
        screenshot(reloaded, "search-deep-link-en");
    }

    @Test
    void results_sort_by_duration_when_the_header_is_activated_with_the_keyboard() {
        String pair = List.of("LON-NYC", "PAR-NYC", "LON-PAR", "PAR-LON", "NYC-LON", "FRA-NYC", "MUC-LON", "BER-PAR").stream()
                .filter(p -> Http.get(url("/api/v1/flights/search?from=" + p.substring(0, 3) + "&to="
                        + p.substring(4) + "&date=" + inTwoDays)).body().split("durationMinutes").length > 3)
                .findFirst().orElseThrow(() -> new AssertionError("no city pair with several journeys in the demo timetable"));
        Page page = open("/?from=" + pair.substring(0, 3) + "&to=" + pair.substring(4) + "&date=" + inTwoDays);
        Locator durations = page.locator("#outbound tbody td:nth-child(6)");
        assertThat(durations.count()).isGreaterThan(1);
        page.locator("#outbound th:nth-child(6) button").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#outbound th:nth-child(6)").getAttribute("aria-sort")).isEqualTo("ascending");
        List<Integer> minutes = page.locator("#outbound tbody td:nth-child(6)").all().stream()
                .map(td -> Integer.parseInt(td.getAttribute("data-sort"))).toList();
        assertThat(minutes).isSorted();
    }

    @Test
    void a_day_without_flights_says_so_in_both_languages() {
        String later = LocalDate.now().plusDays(200).toString();
        Page page = open("/?from=FRA&to=JFK&date=" + later + "&lang=fr");
        assertThat(page.locator("#outbound .empty").innerText()).isEqualTo("Aucun vol trouvé");
        page.navigate(url("/?from=FRA&to=JFK&date=" + later + "&lang=en"));
        assertThat(page.locator("#outbound .empty").innerText()).isEqualTo("No flights found");
    }

    @Test
    void an_unknown_place_is_explained_next_to_its_field() {
        Page page = open("/?from=Zzyzxqv&to=JFK&date=" + today);
        assertThat(page.locator("#from-error").innerText()).isEqualTo("No city or airport matches this name.");
        assertThat(page.locator("#from").getAttribute("aria-invalid")).isEqualTo("true");
    }
}
