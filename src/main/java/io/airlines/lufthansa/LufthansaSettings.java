package io.airlines.lufthansa;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static io.airlines.config.SettingsCheck.*;

/**
 * The Lufthansa Open API and how hard we may call it.
 *
 * @param baseUrl           API root, e.g. {@code https://api.lufthansa.com/v1}
 * @param clientId          OAuth2 client id (empty: no Lufthansa jobs, the shipped data serves)
 * @param clientSecret      OAuth2 client secret, never logged
 * @param requestsPerSecond the API's per-second limit, shared by every call of the process
 * @param requestsPerHour   the API's hourly limit
 * @param maxTries          tries of one call on 5xx, timeouts and truncated bodies
 * @param backoff           first retry delay, doubled each try, plus jitter
 * @param timeout           of one HTTP exchange
 * @param maxRetryAfter     longest {@code Retry-After} honoured; beyond it the call fails
 * @param pageSize          {@code limit} of reference list pages (the API allows 100)
 * @param parallelism       pages fetched at once once the total is known (the limiter paces them)
 */
@ConfigurationProperties("airlines.lufthansa")
public record LufthansaSettings(
        @DefaultValue("https://api.lufthansa.com/v1") String baseUrl,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("5") int requestsPerSecond,
        @DefaultValue("1000") int requestsPerHour,
        @DefaultValue("5") int maxTries,
        @DefaultValue("500ms") Duration backoff,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("15m") Duration maxRetryAfter,
        @DefaultValue("100") int pageSize,
        @DefaultValue("4") int parallelism) {

    public LufthansaSettings {
        atLeast("requestsPerSecond", requestsPerSecond, 1);
        atLeast("requestsPerHour", requestsPerHour, 1);
        atLeast("maxTries", maxTries, 1);
        positive("backoff", backoff);
        positive("timeout", timeout);
        positive("maxRetryAfter", maxRetryAfter);
        // The API serves at most 100 items a page.
        between("pageSize", pageSize, 1, 100);
        atLeast("parallelism", parallelism, 1);
    }

    public boolean configured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    /** Same settings against another API root (tests, the built-in fake). */
    public LufthansaSettings withBaseUrl(String url) {
        return new LufthansaSettings(url, clientId, clientSecret, requestsPerSecond, requestsPerHour, maxTries,
                backoff, timeout, maxRetryAfter, pageSize, parallelism);
    }

    @Override
    public String toString() {
        // A record prints every component: keep the secret out of any log line.
        return "LufthansaSettings[baseUrl=" + baseUrl + ", clientId=" + (configured() ? "set" : "unset")
                + ", requestsPerSecond=" + requestsPerSecond + ", requestsPerHour=" + requestsPerHour + "]";
    }
}
