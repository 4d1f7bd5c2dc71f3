package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page works under the strict policy the deployment will send (scripts, styles and
 * connections from this server only, no inline code): any violation is a console error.
 */
class ContentSecurityPolicyTest extends BrowserTest {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    @BeforeEach
    void strictPolicyOnEveryDocument() {
        context.route("**/*", route -> {
            if (!"document".equals(route.request().resourceType())) {
                route.resume();
                return;
            }
            APIResponse response = route.fetch();
            Map<String, String> headers = new HashMap<>(response.headers());
            headers.put("content-security-policy", POLICY);
            route.fulfill(new Route.FulfillOptions().setResponse(response).setHeaders(headers));
        });
        awaitDemoTimetable();
    }

    @Test
    void search_results_work_without_inline_code() {
        Page page = open("/?from=FRA&to=JFK&date=" + java.time.LocalDate.now().plusDays(1));
        page.locator("#outbound th:nth-child(4) button").click();
        assertThat(page.locator("#outbound th:nth-child(4)").getAttribute("aria-sort")).isEqualTo("ascending");
    }

    @Test
    void the_live_map_draws_and_updates_without_inline_code_also_on_a_phone() {
        context.setDefaultTimeout(30_000);
        Page page = open("/live");
        page.setViewportSize(390, 844);
        page.waitForFunction("() => window.airlinesLive && window.airlinesLive.stats.updates > 1 && window.airlinesLive.total() > 0");
        assertThat(page.locator("#renderer").innerText()).startsWith("WebGL2");
        screenshot(page, "live-phone");
    }

    @Test
    void stats_airport_and_about_pages_work_without_inline_code() {
        Page stats = open("/stats");
        stats.waitForFunction("() => document.body.dataset.statsLoaded === 'true'");
        Page airport = open("/airports/FRA");
        assertThat(airport.locator("#departures tbody tr").count()).isPositive();
        Page about = open("/about");
        about.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.head.appendChild(s); }");
        assertThat(about.evaluate("() => window.inlineRan === true")).as("the policy is really in force").isEqualTo(false);
        assertThat(consoleErrors).anySatisfy(e -> assertThat(e).contains("Content Security Policy"));
        consoleErrors.clear();
    }
}
