package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.microsoft.playwright.Page;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import org.junit.jupiter.api.Test;

/**
 * Aircraft identity on the live map: the filter finds an aircraft by its registration and the
 * detail panel names its type, registration and country. 896180 is A6-EUA, an A388, in the
 * sample aircraft database every integration test reads.
 */
class LiveIdentityIT extends BrowserTest {

    private static final String EMIRATES = "896180";

    private Page openWithTheEmirates() {
        TestKafka.send(Topics.POSITIONS_RAW, EMIRATES,
                LiveMapIT.position(EMIRATES, "UAE7" + EMIRATES.substring(4), 25.25, 55.36, "1000", System.currentTimeMillis()));
        Page page = open("/live");
        page.waitForFunction("k => window.airlinesLive && window.airlinesLive.store.byKey.has(k)", EMIRATES,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        return page;
    }

    @Test
    void the_callsign_filter_finds_an_aircraft_by_its_registration_with_or_without_the_dash() {
        Page page = openWithTheEmirates();
        for (String typed : new String[] {"A6-EUA", "a6eua"}) {
            page.locator("#f-callsign").fill(typed);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(page.locator("#shown-count").innerText()).as(typed).isEqualTo("1");
                assertThat(page.evaluate("() => window.airlinesLive.store.visible.map(a => a.key)"))
                        .asList().containsExactly(EMIRATES);
            });
        }
        page.locator("#f-callsign").fill("A6-EUB");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(page.locator("#shown-count").innerText()).isEqualTo("0"));
    }

    @Test
    void the_detail_panel_shows_type_registration_and_country() {
        openWithTheEmirates();
        Page page = open("/live?sel=" + EMIRATES);
        page.locator("#detail").waitFor();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(page.locator("#d-aircraft").innerText()).isEqualTo("A388 · A6-EUA");
            assertThat(page.locator("#d-country").innerText()).isEqualTo("United Arab Emirates");
        });
    }
}
