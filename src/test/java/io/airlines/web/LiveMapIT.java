package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Clip;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The live map in a real browser, fed by the real pipeline (built-in simulator and Kafka producers). */
class LiveMapIT extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Page openLive(String query) {
        Page page = open("/live" + query);
        page.waitForFunction("() => window.airlinesLive && window.airlinesLive.stats.updates > 0 && window.airlinesLive.total() > 0");
        return page;
    }

    private JsonNode api(String path) {
        return JSON.readTree(Http.get(url(path)).body());
    }

    @Test
    void the_count_shown_matches_the_live_api_and_the_renderer_is_webgl2() {
        Page page = openLive("");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            int total = api("/api/v1/live?limit=100000").get("total").asInt();
            assertThat(Integer.parseInt(page.locator("#total-count").innerText())).isEqualTo(total);
            assertThat(page.locator("#shown-count").innerText()).isEqualTo(page.locator("#total-count").innerText());
        });
        assertThat(page.locator("#renderer").innerText()).startsWith("WebGL2");
        screenshot(page, "live-en");
    }

    @Test
    void aircraft_are_really_drawn_where_they_are() throws IOException {
        Page page = openLive("?lat=30&lon=10&z=2.5");
        String key = firstAircraftOnScreen(page);
        List<?> pixel = (List<?>) page.evaluate("k => window.airlinesLive.pixelOf(k)", key);
        double x = ((Number) pixel.get(0)).doubleValue(), y = ((Number) pixel.get(1)).doubleValue();
        Clip around = new Clip(Math.max(0, x - 15), Math.max(0, y - 15), 30, 30);
        BufferedImage withAircraft = clip(page, around);
        page.evaluate("() => { window.airlinesLive.stopFeed(); document.querySelector('canvas.aircraft-layer').style.visibility = 'hidden'; }");
        BufferedImage basemapOnly = clip(page, around);
        assertThat(differentPixels(withAircraft, basemapOnly)).as("pixels of the icon over the basemap").isGreaterThan(20);
    }

    @Test
    void clicking_an_aircraft_opens_its_details_with_a_trail_and_puts_it_in_the_url() {
        Page page = openLive("?lat=30&lon=10&z=2.5");
        String key = firstAircraftOnScreen(page);
        page.evaluate("k => window.airlinesLive.stopFeed()", key);
        List<?> pixel = (List<?>) page.evaluate("k => window.airlinesLive.pixelOf(k)", key);
        page.locator("#map").click(new com.microsoft.playwright.Locator.ClickOptions().setPosition(
                ((Number) pixel.get(0)).doubleValue(), ((Number) pixel.get(1)).doubleValue()));
        page.locator("#detail").waitFor();
        JsonNode state = api("/api/v1/flights/" + key);
        String callsign = state.path("callsign").asString(key);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(page.locator("#detail-callsign").innerText()).isEqualTo(callsign);
            assertThat(page.locator("#d-route").innerText()).contains(state.path("origin").asString("?"));
        });
        assertThat(page.url()).contains("sel=" + key);
        page.waitForFunction("() => Number(document.getElementById('d-trail').dataset.points) > 0");
        assertThat(page.evaluate("() => window.airlinesLive.map.getLayers().item(1).getSource().getFeatures().length"))
                .as("the trail is drawn").isEqualTo(1);
        screenshot(page, "live-detail");
    }

    @Test
    void an_airline_filter_lowers_the_count_to_what_the_api_finds() {
        Page page = openLive("");
        // Other tests' aircraft have no airline: pick one of the simulator's, which all have one.
        String found = null;
        for (JsonNode aircraft : api("/api/v1/live?limit=100000").get("aircraft")) {
            JsonNode code = aircraft.get("airline");
            if (code != null && code.isString() && !code.asString().isBlank()) {
                found = code.asString();
                break;
            }
        }
        assertThat(found).as("a live aircraft with an airline").isNotNull();
        String airline = found;
        page.locator("#f-airline").fill(airline);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            int shown = Integer.parseInt(page.locator("#shown-count").innerText());
            int total = Integer.parseInt(page.locator("#total-count").innerText());
            assertThat(shown).isPositive().isLessThan(total);
            assertThat(shown).isEqualTo(api("/api/v1/live?limit=100000&airline=" + airline).get("count").asInt());
        });
        assertThat(page.url()).contains("airline=" + airline);
        Page reloaded = openLive("?airline=" + airline);
        assertThat(reloaded.locator("#f-airline").inputValue()).isEqualTo(airline);
        assertThat(reloaded.locator("#shown-count").innerText()).isEqualTo(page.locator("#shown-count").innerText());
    }

    @Test
    void a_position_update_arrives_within_three_seconds() {
        Page page = openLive("");
        String key = TestKafka.uniqueKey("w");
        long now = System.currentTimeMillis();
        TestKafka.send(Topics.POSITIONS_RAW, key, position(key, "TST" + key.substring(1, 4).toUpperCase(), 45.0, 5.0, "1000", now));
        page.waitForFunction("k => window.airlinesLive.store.byKey.has(k)", key,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        long sent = System.currentTimeMillis();
        TestKafka.send(Topics.POSITIONS_RAW, key, position(key, null, 45.2, 5.3, "1000", sent));
        page.waitForFunction("k => Math.abs(window.airlinesLive.store.byKey.get(k).lat - 45.2) < 1e-6", key,
                new Page.WaitForFunctionOptions().setTimeout(3_000));
    }

    @Test
    void an_emergency_squawk_raises_the_banner_and_highlights_the_aircraft() {
        Page page = openLive("");
        String key = TestKafka.uniqueKey("e");
        String callsign = "EMG" + key.substring(1, 4).toUpperCase();
        TestKafka.send(Topics.POSITIONS_RAW, key, position(key, callsign, 48.5, 2.5, "7700", System.currentTimeMillis()));
        page.locator("#banner").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(30_000));
        assertThat(page.locator("#banner-text").innerText()).contains(callsign).contains("7700").startsWith("Emergency");
        page.locator("#banner-show").click();
        page.locator("#detail").waitFor();
        assertThat(page.locator("#d-squawk").innerText()).isEqualTo("7700");
        assertThat(page.evaluate("k => window.airlinesLive.store.visible.some(a => a.key === k)", key)).isEqualTo(true);
        screenshot(page, "live-emergency");
    }

    /** The renderer benchmark serves its page and script itself (MapBenchmarkIT draws them); the site does not. */
    @Test
    void the_renderer_benchmark_page_and_script_are_not_on_the_site() {
        for (String path : List.of("/bench/map.html", "/bench/bench.js", "/js/live/bench.js")) {
            assertThat(Http.get(url(path)).statusCode()).as(path).isEqualTo(404);
        }
    }

    static String position(String key, String callsign, double lat, double lon, String squawk, long time) {
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("key", key);
        if (callsign != null) {
            record.put("callsign", callsign);
        }
        record.putAll(Map.of("lat", lat, "lon", lon, "altitude", 9000.0, "speed", 800.0, "track", 90.0,
                "squawk", squawk, "time", time, "source", "test"));
        return JSON.writeValueAsString(record);
    }

    private static String firstAircraftOnScreen(Page page) {
        page.waitForFunction("() => { const s = window.airlinesLive.map.getSize(); return window.airlinesLive.store.visible"
                + ".some(a => { const p = window.airlinesLive.pixelOf(a.key); return p && p[0] > 40 && p[1] > 40 && p[0] < s[0] - 40 && p[1] < s[1] - 40; }); }");
        return (String) page.evaluate("() => { const s = window.airlinesLive.map.getSize(); return window.airlinesLive.store.visible"
                + ".find(a => { const p = window.airlinesLive.pixelOf(a.key); return p && p[0] > 40 && p[1] > 40 && p[0] < s[0] - 40 && p[1] < s[1] - 40; }).key; }");
    }

    static BufferedImage clip(Page page, Clip clip) throws IOException {
        // the #map element's origin: clip coordinates are page coordinates
        var box = page.locator("#map").boundingBox();
        Clip onPage = new Clip(clip.x + box.x, clip.y + box.y, clip.width, clip.height);
        return ImageIO.read(new ByteArrayInputStream(page.screenshot(new Page.ScreenshotOptions().setClip(onPage))));
    }

    static int differentPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
