package io.airlines.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.airlines.stream.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls OpenSky's {@code /api/states/all} at a fixed interval. With client credentials it fetches
 * (and caches until shortly before expiry) an OAuth2 bearer token. A 429 waits what
 * {@code X-Rate-Limit-Retry-After-Seconds} says; other failures back off up to 5 minutes.
 */
final class OpenSkyPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpenSkyPoller.class);

    private final OpenSkySettings settings;
    private final JsonMapper json;
    private final Consumer<Position> out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong positions = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private String token;
    private long tokenExpires;

    public OpenSkyPoller(OpenSkySettings settings, JsonMapper json, Consumer<Position> out) {
        this.settings = settings;
        this.json = json;
        this.out = out;
        this.thread = new Thread(this::run, "airlines-opensky");
        this.thread.setDaemon(true);
    }

    public OpenSkyPoller start() {
        thread.start();
        return this;
    }

    private void run() {
        long backoff = settings.interval().toMillis();
        while (running) {
            long wait = settings.interval().toMillis();
            try {
                wait = pollOnce();
                backoff = settings.interval().toMillis();
            } catch (IOException | RuntimeException e) {
                log.warn("OpenSky poll failed ({}); retrying in {} ms", e.getClass().getSimpleName(), backoff);
                wait = backoff;
                backoff = Math.min(backoff * 2, 300_000);
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One request; returns how long to wait before the next. */
    long pollOnce() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(statesUrl())).timeout(Duration.ofSeconds(30)).GET();
        String bearer = bearer();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        polls.incrementAndGet();
        if (response.statusCode() == 429) {
            rateLimited.incrementAndGet();
            long seconds = response.headers().firstValue("X-Rate-Limit-Retry-After-Seconds").map(Long::parseLong).orElse(60L);
            log.warn("OpenSky rate limit reached; next request in {} s", seconds);
            return Math.max(seconds * 1000, settings.interval().toMillis());
        }
        if (response.statusCode() == 401) {
            token = null;
            throw new IOException("OpenSky refused the credentials (401)");
        }
        if (response.statusCode() != 200) {
            throw new IOException("OpenSky answered HTTP " + response.statusCode());
        }
        List<Position> states = OpenSkyStates.parse(json.readTree(response.body()));
        states.forEach(out);
        positions.addAndGet(states.size());
        return settings.interval().toMillis();
    }

    String statesUrl() {
        String base = settings.baseUrl().replaceAll("/+$", "") + "/api/states/all";
        String bbox = settings.bbox();
        if (bbox == null || bbox.isBlank()) {
            return base;
        }
        String[] b = bbox.split(",");
        if (b.length != 4) {
            throw new IllegalArgumentException("AIRLINES_OPENSKY_BBOX must be minLat,minLon,maxLat,maxLon");
        }
        return base + "?lamin=" + b[0].trim() + "&lomin=" + b[1].trim() + "&lamax=" + b[2].trim() + "&lomax=" + b[3].trim();
    }

    private String bearer() throws IOException, InterruptedException {
        if (settings.clientId().isBlank()) {
            return null;
        }
        if (token != null && System.currentTimeMillis() < tokenExpires) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            // The body may echo what was sent: never log it.
            throw new IOException("OpenSky token endpoint answered HTTP " + r.statusCode());
        }
        JsonNode body = json.readTree(r.body());
        token = body.path("access_token").asString();
        long expiresIn = body.path("expires_in").asLong(300);
        tokenExpires = System.currentTimeMillis() + Math.max(10, expiresIn - 30) * 1000;
        return token;
    }

    public long polls() {
        return polls.get();
    }

    public long positions() {
        return positions.get();
    }

    public long rateLimited() {
        return rateLimited.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
