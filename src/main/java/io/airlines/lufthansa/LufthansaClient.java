package io.airlines.lufthansa;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.airlines.config.Pause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Lufthansa Open API over HTTP: an OAuth2 token cached until shortly before it expires and
 * renewed once on a 401, every request paced by the one shared {@link RateLimiter}, a
 * {@code Retry-After} honoured on 403 over-QPS / over-rate and 429, 5xx, timeouts and truncated
 * bodies retried with exponential backoff and jitter up to {@code maxTries}. Errors and logs name
 * the path and status, never the token or the secret.
 */
public class LufthansaClient {

    private static final Logger log = LoggerFactory.getLogger(LufthansaClient.class);
    /** Renew this long before the announced expiry, so a token never dies in flight. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final LufthansaSettings settings;
    private final RateLimiter limiter;
    private final JsonMapper json;
    private final HttpClient http;
    private final Stats stats = new Stats();
    private String token;
    private Instant tokenExpiry = Instant.MIN;
    /** Whether the current token got a 200; the last token that did, once replaced. */
    private boolean tokenProven;
    private String lastProven;

    public LufthansaClient(LufthansaSettings settings, RateLimiter limiter, JsonMapper json) {
        this.settings = settings;
        this.limiter = limiter;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public LufthansaSettings settings() {
        return settings;
    }

    public Stats stats() {
        return stats;
    }

    /** GET {@code path} (relative to the base URL, with its query); a 404 is empty. */
    public Optional<JsonNode> get(String path) {
        int renewals = 0;
        int tries = 0;
        int throttles = 0;
        while (true) {
            tries++;
            Outcome outcome;
            try {
                outcome = exchange(path);
            } catch (IOException e) {
                outcome = Outcome.retry("network error " + e.getClass().getSimpleName());
            }
            switch (outcome.kind) {
                case OK:
                    return Optional.of(outcome.body);
                case NOT_FOUND:
                    return Optional.ofNullable(outcome.body);
                case UNAUTHORIZED:
                    // Renew once; again only if the refused token had worked before (it expired while
                    // this call waited for the rate limit), never for a token refused on first use.
                    if (renewals > 0 && (renewals >= settings.maxTries() || !proven(outcome.token))) {
                        throw new LufthansaException("Lufthansa API refused the renewed token for " + path
                                + " (HTTP 401); check LUFTHANSA_CLIENT_ID and LUFTHANSA_CLIENT_SECRET");
                    }
                    renewals++;
                    invalidateToken(outcome.token);
                    tries--;
                    break;
                case THROTTLED:
                    tries--;
                    if (outcome.delay.compareTo(settings.maxRetryAfter()) > 0) {
                        throw new LufthansaException("Lufthansa API asks to wait " + outcome.delay.toSeconds()
                                + " s (" + outcome.reason + ") for " + path + ", longer than "
                                + settings.maxRetryAfter().toSeconds() + " s allowed");
                    }
                    log.warn("Lufthansa API throttled {} ({}); waiting {} ms", path, outcome.reason, outcome.delay.toMillis());
                    limiter.pauseFor(outcome.delay);
                    if (++throttles > 20 * settings.maxTries()) {
                        throw new LufthansaException("Lufthansa API keeps throttling " + path);
                    }
                    break;
                case RETRY:
                    if (tries >= settings.maxTries()) {
                        throw new LufthansaException("Lufthansa API failed " + tries + " times for " + path
                                + " (last: " + outcome.reason + ")");
                    }
                    Duration delay = backoff(tries);
                    log.warn("Lufthansa API {} for {}; retry {} of {} in {} ms", outcome.reason, path, tries,
                            settings.maxTries() - 1, delay.toMillis());
                    stats.retries.incrementAndGet();
                    sleep(delay);
                    break;
                default:
                    throw new LufthansaException("Lufthansa API answered " + outcome.reason + " for " + path);
            }
        }
    }

    Duration backoff(int tries) {
        long base = settings.backoff().toMillis() << Math.min(tries - 1, 10);
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, settings.backoff().toMillis()));
        return Duration.ofMillis(Math.min(base + jitter, 60_000));
    }

    private Outcome exchange(String path) throws IOException {
        String bearer = token();
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .GET().build();
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 200) {
            markProven(bearer);
            try {
                return Outcome.ok(json.readTree(response.body()));
            } catch (JacksonException e) {
                return Outcome.retry("truncated or malformed body");
            }
        }
        if (status == 401) {
            return new Outcome(Kind.UNAUTHORIZED, null, null, "HTTP 401", bearer);
        }
        if (status == 429 || (status == 403 && overLimit(response.body()))) {
            stats.overLimit.incrementAndGet();
            return new Outcome(Kind.THROTTLED, null, retryAfter(response), "HTTP " + status + " over limit");
        }
        if (status == 404) {
            return new Outcome(Kind.NOT_FOUND, parseQuietly(response.body()), null, "HTTP 404");
        }
        if (status >= 500) {
            return Outcome.retry("HTTP " + status);
        }
        return new Outcome(Kind.FAIL, null, null, "HTTP " + status);
    }

    private synchronized String token() throws IOException {
        if (token != null && Instant.now().isBefore(tokenExpiry)) {
            return token;
        }
        if (!settings.configured()) {
            throw new LufthansaException("Lufthansa credentials are not set (LUFTHANSA_CLIENT_ID, LUFTHANSA_CLIENT_SECRET)");
        }
        for (int tries = 1; ; tries++) {
            String form = "client_id=" + enc(settings.clientId()) + "&client_secret=" + enc(settings.clientSecret())
                    + "&grant_type=client_credentials";
            HttpResponse<String> response;
            try {
                response = send(HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/oauth/token"))
                        .timeout(settings.timeout())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            } catch (IOException e) {
                if (tries >= settings.maxTries()) {
                    throw new LufthansaException("Lufthansa token endpoint unreachable (" + e.getClass().getSimpleName() + ")");
                }
                sleep(backoff(tries));
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                JsonNode body = parseQuietly(response.body());
                if (body != null && body.path("access_token").isString()) {
                    token = body.path("access_token").asString();
                    tokenProven = false;
                    long expiresIn = body.path("expires_in").asLong(3600);
                    Duration margin = EXPIRY_MARGIN.toSeconds() * 2 < expiresIn ? EXPIRY_MARGIN : Duration.ofSeconds(expiresIn / 10);
                    tokenExpiry = Instant.now().plusSeconds(expiresIn).minus(margin);
                    stats.tokens.incrementAndGet();
                    return token;
                }
            }
            if (status == 401 || status == 400 || (status == 403 && !overLimit(response.body()))) {
                throw new LufthansaException("Lufthansa token request refused (HTTP " + status
                        + "); check LUFTHANSA_CLIENT_ID and LUFTHANSA_CLIENT_SECRET");
            }
            if (status == 429 || status == 403) {
                stats.overLimit.incrementAndGet();
                limiter.pauseFor(retryAfter(response));
                tries--;
                continue;
            }
            if (tries >= settings.maxTries()) {
                throw new LufthansaException("Lufthansa token request failed " + tries + " times (last: HTTP " + status + ")");
            }
            sleep(backoff(tries));
        }
    }

    private synchronized void markProven(String bearer) {
        if (bearer.equals(token)) {
            tokenProven = true;
        }
    }

    private synchronized boolean proven(String refused) {
        return refused != null && (refused.equals(lastProven) || (refused.equals(token) && tokenProven));
    }

    /** Forgets the token that was refused, unless another thread already replaced it. */
    private synchronized void invalidateToken(String refused) {
        if (refused != null && refused.equals(token)) {
            lastProven = tokenProven ? token : lastProven;
            token = null;
            tokenProven = false;
            tokenExpiry = Instant.MIN;
        }
    }

    /** Every request, token requests included, goes through the one rate limiter. */
    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try (RateLimiter.Permit permit = limiter.acquire()) {
            stats.requests.incrementAndGet();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LufthansaException("interrupted");
        }
    }

    private JsonNode parseQuietly(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    static boolean overLimit(String body) {
        String b = body == null ? "" : body.toLowerCase();
        return b.contains("over qps") || b.contains("over rate") || b.contains("rate limit");
    }

    static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofMillis((long) (Double.parseDouble(v.trim()) * 1000));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(1);
            }
        }).orElse(Duration.ofSeconds(1));
    }

    private static void sleep(Duration d) {
        if (!Pause.of(d)) {
            throw new LufthansaException("interrupted");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private enum Kind { OK, NOT_FOUND, UNAUTHORIZED, THROTTLED, RETRY, FAIL }

    /** {@code token} is the one sent, kept only to know which token a 401 refused. */
    private record Outcome(Kind kind, JsonNode body, Duration delay, String reason, String token) {
        Outcome(Kind kind, JsonNode body, Duration delay, String reason) {
            this(kind, body, delay, reason, null);
        }

        static Outcome ok(JsonNode body) {
            return new Outcome(Kind.OK, body, null, "HTTP 200");
        }

        static Outcome retry(String reason) {
            return new Outcome(Kind.RETRY, null, null, reason);
        }
    }

    /** Counters since the client was made: requests sent (token requests included), throttles, retries, tokens. */
    public static final class Stats {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong overLimit = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong tokens = new AtomicLong();

        public long requests() {
            return requests.get();
        }

        public long overLimit() {
            return overLimit.get();
        }

        public long retries() {
            return retries.get();
        }

        public long tokens() {
            return tokens.get();
        }
    }
}
