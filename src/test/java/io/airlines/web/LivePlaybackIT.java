package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import io.airlines.store.FlightStates;
import io.airlines.store.SkyFrameReader;
import io.airlines.store.StoreSettings;
import io.airlines.store.TrackDocuments;
import io.airlines.store.TrackIds;
import io.airlines.store.TrackTimes;
import io.airlines.stream.Position;
import io.airlines.stream.TestKafka;
import io.airlines.support.Http;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live map's time control: a past instant shows the aircraft flying then, from their stored
 * tracks, with the live layer and detail panel. The aircraft here flew an hour ago and never was
 * live: its track is stored as the sink stores one, with its entries in the time index.
 */
class LivePlaybackIT extends BrowserTest {

    private static final long MINUTE = 60_000;
    private static final String CALLSIGN = "PLB123";

    @Autowired
    MongoDatabase database;
    @Autowired
    StoreSettings settings;

    /** A track of two points a minute apart in one bucket, stored as the sink would store it. */
    private void storeTrack(String key, long t, double lat, double lon) {
        long span = settings.bucketSpan().toMillis();
        long start = TrackIds.startOf(t, span);
        List<Position> points = List.of(
                Position.observed(key, null, lat, lon, 1000.0, 420.0, 90.0, 0.0, "1000", false, "test", t),
                Position.observed(key, null, lat, lon + 0.1, 2000.0, 420.0, 90.0, 0.0, "1000", false, "test", t + MINUTE));
        database.getCollection(TrackTimes.COLLECTION, RawBsonDocument.class)
                .bulkWrite(TrackDocuments.timeEntries(key, start, span), new BulkWriteOptions().ordered(false));
        database.getCollection(TrackIds.COLLECTION, RawBsonDocument.class)
                .insertOne(TrackDocuments.bucket(key, start, span, points));
        database.getCollection(SkyFrameReader.COLLECTION, RawBsonDocument.class)
                .bulkWrite(TrackDocuments.skyMinutes(points), new BulkWriteOptions().ordered(false));
        database.getCollection(FlightStates.COLLECTION).insertOne(new Document("_id", key).append("callsign", CALLSIGN)
                .append("origin", "FRA").append("destination", "CDG").append("lat", lat).append("lon", lon + 0.1)
                .append("time", t + MINUTE).append("updatedAt", new Date(t + MINUTE)));
    }

    @Test
    void a_past_instant_shows_an_aircraft_that_is_not_live_and_its_details() {
        String key = TestKafka.uniqueKey("pb");
        // Both points in one bucket, half an hour in the past, and the instant between them.
        long span = settings.bucketSpan().toMillis();
        long t = TrackIds.startOf(System.currentTimeMillis() - 60 * MINUTE, span) + 10_000;
        storeTrack(key, t, 30.0, 10.0);
        long at = t + 30_000;
        assertThat(Http.get(url("/api/v1/live?limit=100000")).body()).doesNotContain(key);

        // The first page of the class starts the browser's work from cold: on a loaded machine that takes a while.
        context.setDefaultNavigationTimeout(120_000);
        Page page = open("/live?at=" + Instant.ofEpochMilli(at) + "&lat=30&lon=10.05&z=8");
        page.waitForFunction("k => window.airlinesLive.store.byKey.has(k)", key);
        assertThat(page.locator("#status").getAttribute("data-state")).isEqualTo("playback");
        assertThat(((Number) page.evaluate("k => window.airlinesLive.store.byKey.get(k).lon", key)).doubleValue())
                .as("halfway between its points").isBetween(10.049, 10.051);
        assertThat(page.locator("#p-clock").getAttribute("data-time")).isEqualTo(Long.toString(at));

        List<?> pixel = (List<?>) page.evaluate("k => window.airlinesLive.pixelOf(k)", key);
        page.locator("#map").click(new Locator.ClickOptions().setPosition(
                ((Number) pixel.get(0)).doubleValue(), ((Number) pixel.get(1)).doubleValue()));
        page.locator("#detail").waitFor();
        // The stored identity arrives with the panel's own request, after the figures of the moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(page.locator("#detail-callsign").innerText()).isEqualTo(CALLSIGN);
            assertThat(page.locator("#d-route").innerText()).contains("FRA").contains("CDG");
        });
        assertThat(page.locator("#d-altitude").innerText()).contains("1").endsWith(" m");
        page.waitForFunction("() => Number(document.getElementById('d-trail').dataset.points) > 0");
        assertThat(page.url()).contains("sel=" + key).contains("at=");
        screenshot(page, "live-playback");

        page.locator("#p-speed").selectOption("600");
        page.locator("#p-play").click();
        page.waitForFunction("at => window.airlinesLive.playbackTime() > at + 60000", (double) at);
        page.locator("#p-pause").click();

        page.locator("#p-live").click();
        page.waitForFunction("() => document.getElementById('status').dataset.state === 'live'");
        page.waitForFunction("k => !window.airlinesLive.store.byKey.has(k)", key);
        assertThat(page.url()).doesNotContainPattern("[?&]at=");
    }
}
