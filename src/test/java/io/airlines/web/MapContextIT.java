package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Clip;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live map's context in a real browser: airports from the offline data, callsign labels, the hover tooltip. */
class MapContextIT extends BrowserTest {

    /** Far south of every simulated route, so nothing else is under the pointer there. */
    private static final double LAT = -58.0;
    private static final double LON = -100.0;
    private static final AtomicInteger PLACED = new AtomicInteger();

    /** The first page of a fresh server on a busy machine can take longer than Playwright's default 30 s to load. */
    @BeforeEach
    void patientNavigation() {
        context.setDefaultNavigationTimeout(120_000);
    }

    private Page openLive(String query) {
        Page page = open("/live" + query);
        page.waitForFunction("() => window.airlinesLive && window.airlinesLive.stats.updates > 0");
        return page;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> drawnAirport(Page page, String code) {
        page.waitForFunction("c => window.airlinesLive.context.drawnAirports.some(a => a.code === c && a.labelled)", code);
        return (Map<String, Object>) page.evaluate("c => window.airlinesLive.context.drawnAirports.find(a => a.code === c)", code);
    }

    @Test
    void a_hub_is_drawn_with_its_code_at_a_regional_zoom_and_only_the_busiest_at_world_zoom() throws IOException {
        Page page = openLive("?lat=50.03&lon=8.57&z=6");
        Map<String, Object> fra = drawnAirport(page, "FRA");
        assertThat(fra.get("labelled")).as("FRA's code is written").isEqualTo(true);
        double x = ((Number) fra.get("x")).doubleValue(), y = ((Number) fra.get("y")).doubleValue();
        double middle = ((Number) ((List<?>) page.evaluate("() => window.airlinesLive.map.getSize()")).get(0)).doubleValue() / 2;
        assertThat(x).as("FRA at the centre of the view").isBetween(middle - 10, middle + 10);
        // what the context layer adds at FRA's place: its canvas shown, then hidden (aircraft hidden both times)
        page.evaluate("() => { window.airlinesLive.stopFeed(); document.querySelector('canvas.aircraft-layer').style.visibility = 'hidden'; }");
        Clip around = new Clip(x - 8, y - 10, 40, 20);
        BufferedImage withAirports = LiveMapIT.clip(page, around);
        page.evaluate("() => document.querySelector('canvas.context-layer').style.visibility = 'hidden'");
        BufferedImage without = LiveMapIT.clip(page, around);
        assertThat(LiveMapIT.differentPixels(withAirports, without)).as("pixels of FRA's marker and code").isGreaterThan(40);
        page.evaluate("() => document.querySelector('canvas.context-layer').style.visibility = ''");
        screenshot(page, "map-airports-z6");

        Page world = openLive("?lat=30&lon=10&z=2");
        world.waitForFunction("() => window.airlinesLive.context.drawnAirports.length > 0");
        Object drawn = world.evaluate("() => window.airlinesLive.context.drawnAirports.length");
        assertThat(((Number) drawn).intValue()).as("airports at world zoom: the 30 busiest at most").isBetween(1, 30);
    }

    @Test
    void airports_come_from_one_cached_answer_busiest_first() {
        var r = Http.get(url("/api/v1/airports/map"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=3600"));
        assertThat(r.body()).startsWith("{").contains("\"fields\":[\"code\",\"name\",\"lat\",\"lon\",\"rank\"]");
        assertThat(r.body().indexOf("\"FRA\"")).as("FRA, a hub of the timetable, before a small field")
                .isPositive().isLessThan(r.body().indexOf("\"SCN\""));
    }

    private record Shown(Page page, String callsign) {
    }

    /**
     * A test aircraft alone in its part of the sky, shown at zoom 8 with the feed stopped. Each is
     * placed a degree of longitude from the one before: those of earlier tests stay live for minutes.
     */
    private Shown aloneAtZoomEight(String key) {
        String callsign = "HOV" + key.substring(1, 4).toUpperCase(Locale.ROOT);
        double lon = LON + PLACED.getAndIncrement();
        TestKafka.send(Topics.POSITIONS_RAW, key, String.format(Locale.ROOT,
                "{\"key\":\"%s\",\"callsign\":\"%s\",\"origin\":\"FRA\",\"destination\":\"SCL\",\"lat\":%.2f,\"lon\":%.2f,"
                        + "\"altitude\":9144,\"speed\":820,\"track\":90,\"squawk\":\"1000\",\"time\":%d,\"source\":\"test\"}",
                key, callsign, LAT, lon, System.currentTimeMillis()));
        Page page = openLive("?lat=" + LAT + "&lon=" + lon + "&z=8");
        page.waitForFunction("k => window.airlinesLive.store.byKey.has(k)", key, new Page.WaitForFunctionOptions().setTimeout(30_000));
        page.evaluate("() => window.airlinesLive.stopFeed()");
        return new Shown(page, callsign);
    }

    private static double[] pixelOf(Page page, String key) {
        List<?> pixel = (List<?>) page.evaluate("k => window.airlinesLive.pixelOf(k)", key);
        return new double[] {((Number) pixel.get(0)).doubleValue(), ((Number) pixel.get(1)).doubleValue()};
    }

    @Test
    void hovering_an_aircraft_shows_its_callsign_route_and_altitude() {
        String key = TestKafka.uniqueKey("h");
        Shown shown = aloneAtZoomEight(key);
        Page page = shown.page();
        String callsign = shown.callsign();
        double[] pixel = pixelOf(page, key);
        BoundingBox box = page.locator("#map").boundingBox();
        page.mouse().move(box.x + pixel[0], box.y + pixel[1]);
        page.locator("#tooltip").waitFor();
        assertThat(page.locator("#tooltip .tt-callsign").innerText()).isEqualTo(callsign);
        assertThat(page.locator("#tooltip .tt-route").innerText()).isEqualTo("FRA → SCL");
        assertThat(page.locator("#tooltip .tt-altitude").innerText()).isEqualTo("9,144 m");
        screenshot(page, "map-tooltip-label");
        page.mouse().move(box.x + 5, box.y + box.height - 5);
        page.locator("#tooltip").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
    }

    @Test
    void zoomed_in_a_callsign_is_written_next_to_its_aircraft_and_zoomed_out_none() throws IOException {
        String key = TestKafka.uniqueKey("l");
        Shown shown = aloneAtZoomEight(key);
        Page page = shown.page();
        String callsign = shown.callsign();
        page.waitForFunction("k => window.airlinesLive.context.drawnLabels.some(l => l.key === k)", key);
        assertThat(page.evaluate("k => window.airlinesLive.context.drawnLabels.find(l => l.key === k).callsign", key)).isEqualTo(callsign);
        double[] pixel = pixelOf(page, key);
        // the label's place, right of the icon: what the context layer adds there
        Clip label = new Clip(pixel[0] + 12, pixel[1] - 16, 50, 14);
        BufferedImage withLabel = LiveMapIT.clip(page, label);
        page.evaluate("() => document.querySelector('canvas.context-layer').style.visibility = 'hidden'");
        assertThat(LiveMapIT.differentPixels(withLabel, LiveMapIT.clip(page, label))).as("pixels of the callsign").isGreaterThan(40);
        page.evaluate("() => document.querySelector('canvas.context-layer').style.visibility = ''");

        page.evaluate("() => window.airlinesLive.map.getView().setZoom(4)");
        page.waitForFunction("() => window.airlinesLive.context.drawnLabels.length === 0");
    }
}
