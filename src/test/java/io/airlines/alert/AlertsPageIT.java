package io.airlines.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.web.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following a flight from the live map's detail panel, and being told when it lands. */
class AlertsPageIT extends BrowserTest {

    /** Records every {@code new Notification(title, options)} the page makes, instead of showing it. */
    private static final String RECORD_NOTIFICATIONS = """
            window.__notifications = [];
            window.Notification = new Proxy(window.Notification, {
              construct(target, args) {
                window.__notifications.push({ title: args[0], body: (args[1] || {}).body });
                return { close() {} };
              }
            });
            """;

    /** The live map loads a lot at once: on a busy test machine its first load may take longer than usual. */
    @BeforeEach
    void patientNavigation() {
        context.setDefaultNavigationTimeout(120_000);
    }

    @Test
    void a_watched_flight_that_lands_raises_a_notification_with_the_landing_sentence_and_the_watchlist_survives_a_reload() {
        String flight = Flights.flightNumber();
        String key = TestKafka.uniqueKey("");
        context.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(url("")));
        context.addInitScript(RECORD_NOTIFICATIONS);
        Page page = watchFlight(key, flight);

        page.reload();
        page.locator("#watchlist li[data-id='D" + flight + "']").waitFor();
        land(page, key, flight);

        await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) page.evaluate("() => window.__notifications.length")).intValue() > 0);
        assertThat((String) page.evaluate("() => window.__notifications[0].body"))
                .matches(flight + " landed at .+ \\(HAM\\)");
        assertThat(page.locator("#alert-toasts .toast").count()).isZero();
    }

    @Test
    void without_permission_to_notify_the_landing_is_told_in_the_page() {
        String flight = Flights.flightNumber();
        String key = TestKafka.uniqueKey("");
        Page page = watchFlight(key, flight);
        land(page, key, flight);

        page.locator("#alert-toasts .toast").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(page.locator("#alert-toasts .toast").first().innerText()).matches(flight + " landed at .+ \\(HAM\\)");
    }

    @Test
    void an_emergency_is_told_in_the_words_of_the_live_maps_events() {
        String flight = Flights.flightNumber();
        String key = TestKafka.uniqueKey("");
        Page page = watchFlight(key, flight);
        send(page, key, Flights.squawking(key, flight, System.currentTimeMillis(), "7700"));

        page.locator("#alert-toasts .toast").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(page.locator("#alert-toasts .toast").first().innerText())
                .isEqualTo(flight + " squawks 7700: general emergency");
    }

    /** Opens the live map on the aircraft, airborne near Hamburg, and watches its flight from the detail panel. */
    private Page watchFlight(String key, String flight) {
        TestKafka.send(Topics.POSITIONS_RAW, key, Flights.airborne(key, flight, System.currentTimeMillis() - 5_000));
        Page page = open("/live?sel=" + key);
        page.waitForFunction("k => window.airlinesLive && window.airlinesLive.store.byKey.has(k)", key,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        page.locator("#watch-flight").click();
        assertThat(page.locator("#watch-flight").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(page.locator("#watchlist li").allInnerTexts()).anyMatch(t -> t.contains("D" + flight));
        return page;
    }

    private static void land(Page page, String key, String flight) {
        send(page, key, Flights.onGround(key, flight, System.currentTimeMillis()));
    }

    /** Sends a position once the page's alert stream is open. */
    private static void send(Page page, String key, String position) {
        page.waitForFunction("() => window.airlinesAlerts && window.airlinesAlerts.connected()", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        TestKafka.send(Topics.POSITIONS_RAW, key, position);
    }
}
