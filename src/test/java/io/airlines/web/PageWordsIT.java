package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.airlines.stream.FlightEvent;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page speaks the chosen language only, whatever the browser's own: a French page (chosen
 * in an English browser) shows none of a list of English words, times on a 24-hour clock; an
 * English page (in a French browser) none of a list of French words. The live page is checked with
 * its detail panel open and the events panel holding every kind of event, the history page with a
 * landed flight opened, the stats page with its chart axes drawn, the search page with errors the API
 * reported (the same place twice, a date out of range); buttons' tooltips count too (the maps' zoom).
 */
class PageWordsIT extends BrowserTest {

    private static final String TIME_WITH_ZONE = ".*\\d\\d:\\d\\d.*(UTC|GMT).*";

    private static final List<Pattern> ENGLISH = words("takeoff", "took off", "landing", "landed", "cruise", "cruising",
            "climb", "climbing", "descent", "descending", "squawks?", "hijack(ing)?", "radio failure", "emergency",
            "delay(ed)?", "signal lost", "must differ", "must be", "parameter", "unknown", "updated", "local time", "departure", "arrival",
            "succeeded", "failed", "schedules", "timetables?", "demo-timetable", "thousands of flights",
            "zoom in", "zoom out");
    private static final List<Pattern> TWELVE_HOUR_CLOCK = List.of(
            Pattern.compile("(?<![\\p{L}\\d])(AM|PM)(?![\\p{L}\\d])"), Pattern.compile("\\d\\s?(am|pm)(?!\\p{L})"));
    private static final List<Pattern> FRENCH = words("des milliers", "souris", "décollé", "atterri", "croisière",
            "montée", "descente", "heure locale", "départ", "arrivée", "prévu", "mis à jour", "urgence",
            "détournement", "horaires", "réussi", "retard", "zoom avant", "zoom arrière");

    private static LandedFlight landed;

    private String callsign;

    @BeforeEach
    void eventsOfEveryKind() {
        awaitDemoTimetable();
        String key = TestKafka.uniqueKey("");
        callsign = "WRD" + key.substring(2).toUpperCase();
        long t = System.currentTimeMillis() - 5_000;
        PositionCodec codec = PositionCodec.standalone();
        List<FlightEvent> events = List.of(
                new FlightEvent(key + "-takeoff-" + t, "takeoff", key, callsign, t, 50.03, 8.56, null, "from FRA"),
                new FlightEvent(key + "-landing-" + (t + 1), "landing", key, callsign, t + 1, 53.63, 9.99, null, "at HAM"),
                new FlightEvent(key + "-emergency-" + (t + 2), "emergency", key, callsign, t + 2, 53.6, 9.9, "7700",
                        "squawk 7700 (general emergency)"),
                new FlightEvent(key + "-delay-" + (t + 3), "delay", key, callsign, t + 3, 53.6, 9.9, null, "predicted 25 min late"),
                new FlightEvent(key + "-signal_lost-" + (t + 4), "signal_lost", key, callsign, t + 4, 53.6, 9.9, null,
                        "no position for 300 s"));
        TestKafka.send(Topics.EVENTS, key, events.stream().map(e -> new String(codec.encodeEvent(e))).toArray(String[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                .allMatch(e -> Http.get(url("/api/v1/events?key=" + key)).body().contains(e.id())));
    }

    @Test
    void french_pages_in_an_english_browser_show_no_english_words_and_a_24_hour_clock() {
        try (BrowserContext english = contextFor("en-US", 1280, 900)) {
            List<String> found = new ArrayList<>();
            String eta = everyPage(english, "fr", page -> found.addAll(offending(page, ENGLISH, TWELVE_HOUR_CLOCK)));
            assertThat(found).as("English words on French pages").isEmpty();
            assertThat(eta).as("the ETA's date and zone").matches(TIME_WITH_ZONE);
        }
    }

    @Test
    void english_pages_in_a_french_browser_show_no_french_words() {
        try (BrowserContext french = contextFor("fr-FR", 1280, 900)) {
            List<String> found = new ArrayList<>();
            String eta = everyPage(french, "en", page -> found.addAll(offending(page, FRENCH, List.of())));
            assertThat(found).as("French words on English pages").isEmpty();
            assertThat(eta).as("the ETA's date and zone").matches(TIME_WITH_ZONE);
        }
    }

    @Test
    void events_read_as_sentences_with_the_airport_the_squawk_meaning_and_a_dated_time_with_its_zone() {
        try (BrowserContext browser = contextFor("en-US", 1280, 900)) {
            Page english = eventsOf(browser, "en");
            assertThat(english.locator("#events li").allInnerTexts()).anySatisfy(e -> assertThat(e).matches(TIME_WITH_ZONE))
                    .anySatisfy(e -> assertThat(e).endsWith(callsign + " took off from Frankfurt (FRA)"))
                    .anySatisfy(e -> assertThat(e).endsWith(callsign + " landed at Hamburg (HAM)"))
                    .anySatisfy(e -> assertThat(e).endsWith(callsign + " squawks 7700: general emergency"))
                    .anySatisfy(e -> assertThat(e).endsWith(callsign + " is expected 25 min late"))
                    .anySatisfy(e -> assertThat(e).endsWith(callsign + ": no signal for 5 min"));
            Page french = eventsOf(browser, "fr");
            assertThat(french.locator("#events li").allInnerTexts())
                    .anySatisfy(e -> assertThat(e).endsWith(callsign + " a décollé de Frankfurt (FRA)"))
                    .anySatisfy(e -> assertThat(e).endsWith(callsign + " a atterri à Hamburg (HAM)"))
                    .anySatisfy(e -> assertThat(e).endsWith(callsign + " affiche le code 7700 : urgence générale"));
            screenshot(french, "live-events-fr");
        }
    }

    private Page eventsOf(BrowserContext browser, String lang) {
        Page page = open(browser, "/live?lang=" + lang);
        // the airports' names arrive after the sentences: wait for both
        page.waitForFunction("c => { const t = document.getElementById('events').textContent;"
                + " return t.includes(c) && t.includes('Hamburg (HAM)') && t.includes('Frankfurt (FRA)'); }", callsign,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        return page;
    }

    /**
     * Opens each page in the language and hands it over once its scripts have written their texts;
     * returns the ETA the live page's detail panel shows.
     */
    private String everyPage(BrowserContext browser, String lang, Consumer<Page> check) {
        String tomorrow = LocalDate.now().plusDays(1).toString();
        for (String path : List.of("/", "/?from=FRA&to=JFK&date=" + tomorrow, "/?from=PAR&to=Paris+(PAR)&date=" + tomorrow,
                "/?from=FRA&to=JFK&date=2020-01-01", "/airports/FRA?date=2020-01-01", "/airports/find", "/about", "/privacy")) {
            check.accept(open(browser, path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
        }
        Page board = open(browser, "/airports/FRA?lang=" + lang);
        board.evaluate("() => window.airlinesBoard.refresh()");
        board.waitForFunction("() => document.getElementById('board-updated').textContent !== ''");
        check.accept(board);

        LandedFlight flight = landedFlight();
        Page history = open(browser, "/history?lang=" + lang + "&date=" + flight.day() + "&q=" + flight.callsign()
                + "&leg=" + flight.legId());
        history.waitForFunction("() => document.querySelectorAll('#leg-profile canvas').length > 0",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        check.accept(history);

        Page stats = open(browser, "/stats?lang=" + lang);
        stats.waitForFunction("() => window.airlinesStats.axisLabels().length > 0",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        check.accept(stats);

        String key = FlyingAircraft.key(this::url);
        Page live = open(browser, "/live?lang=" + lang + "&sel=" + key);
        live.waitForFunction("() => !['', '—'].includes(document.getElementById('d-eta').textContent)"
                + " && !['', '—'].includes(document.getElementById('d-phase').textContent)",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        live.waitForFunction("c => document.getElementById('events').textContent.includes(c)", callsign,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        check.accept(live);
        screenshot(live, "live-" + lang);
        return live.locator("#d-eta").innerText();
    }

    /** One landed flight for the history page, shared by the tests: the pipeline takes its time to cut it. */
    private synchronized LandedFlight landedFlight() {
        if (landed == null) {
            landed = LandedFlight.land(this::url);
        }
        return landed;
    }

    private static List<String> offending(Page page, List<Pattern> words, List<Pattern> more) {
        // chart axes are drawn on canvas: their labels are read from the charts; buttons' tooltips too (the maps' zoom)
        String text = (String) page.evaluate("() => document.body.innerText + '\\n'"
                + " + (window.airlinesStats ? window.airlinesStats.axisLabels().join(' ') : '')"
                + " + '\\n' + [...document.querySelectorAll('button[title]')].map(b => b.title).join('\\n')");
        List<String> found = new ArrayList<>();
        for (Pattern p : concat(words, more)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int from = Math.max(0, m.start() - 30), to = Math.min(text.length(), m.end() + 30);
                found.add(page.url().replaceFirst("^https?://[^/]+", "") + ": '" + m.group() + "' in \""
                        + text.substring(from, to).replace('\n', ' ') + "\"");
            }
        }
        return found;
    }

    private static List<Pattern> concat(List<Pattern> a, List<Pattern> b) {
        List<Pattern> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Pattern> words(String... words) {
        return Arrays.stream(words).map(w -> Pattern.compile("(?<!\\p{L})" + w + "(?!\\p{L})",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    }
}
