package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page works under the policy the server sends (scripts, styles and connections from this
 * server only, no inline code), and that policy is in force: the browser refuses an inline script
 * injected into each page and reports the violation. Any violation by the page itself fails.
 */
class ContentSecurityPolicyIT extends BrowserTest {

    /** Collected by the browser from the first moment of each document, before any page script runs. */
    private static final String RECORD_VIOLATIONS = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective));";
    /** The directive the injected script violated, or {@code none} when no violation came within 5 s. */
    private static final String INJECT_INLINE_SCRIPT = "() => new Promise(resolve => {"
            + " document.addEventListener('securitypolicyviolation', e => resolve(e.violatedDirective), {once: true});"
            + " setTimeout(() => resolve('none'), 5000);"
            + " const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.head.appendChild(s); })";

    @BeforeEach
    void recordViolations() {
        context.addInitScript(RECORD_VIOLATIONS);
        awaitDemoTimetable();
    }

    /** The page broke no rule of the policy, and the policy stops a script an attacker might inject. */
    private void assertEnforcedAndRespected(Page page) {
        assertThat(page.evaluate("() => window.cspViolations")).as("violations by the page itself").asInstanceOf(LIST).isEmpty();
        int errorsBefore = consoleErrors.size();
        assertThat(page.evaluate(INJECT_INLINE_SCRIPT)).as("the violated directive").asString().startsWith("script-src");
        assertThat(page.evaluate("() => window.inlineRan === true")).as("the injected script ran").isEqualTo(false);
        // The browser also logs the refusal; it is the expected one, not an error of the page.
        await().atMost(Duration.ofSeconds(5)).until(() -> consoleErrors.size() > errorsBefore);
        assertThat(consoleErrors.subList(errorsBefore, consoleErrors.size()))
                .allSatisfy(e -> assertThat(e).contains("Content Security Policy"));
        consoleErrors.subList(errorsBefore, consoleErrors.size()).clear();
    }

    @Test
    void search_results_work_without_inline_code() {
        Page page = open("/?from=FRA&to=JFK&date=" + LocalDate.now().plusDays(1));
        page.locator("#outbound th:nth-child(4) button").click();
        assertThat(page.locator("#outbound th:nth-child(4)").getAttribute("aria-sort")).isEqualTo("ascending");
        assertEnforcedAndRespected(page);
    }

    @Test
    void the_live_map_draws_and_updates_without_inline_code_also_on_a_phone() {
        context.setDefaultTimeout(30_000);
        Page page = open("/live");
        page.setViewportSize(390, 844);
        page.waitForFunction("() => window.airlinesLive && window.airlinesLive.stats.updates > 1 && window.airlinesLive.total() > 0");
        assertThat(page.locator("#renderer").innerText()).startsWith("WebGL2");
        screenshot(page, "live-phone");
        assertEnforcedAndRespected(page);
    }

    @Test
    void stats_airport_and_about_pages_work_without_inline_code() {
        Page stats = open("/stats");
        stats.waitForFunction("() => document.body.dataset.statsLoaded === 'true'");
        assertEnforcedAndRespected(stats);
        Page airport = open("/airports/FRA");
        assertThat(airport.locator("#departures tbody tr").count()).isPositive();
        assertEnforcedAndRespected(airport);
        Page about = open("/about");
        assertEnforcedAndRespected(about);
    }
}
