package io.airlines.alert;

import java.time.Duration;
import java.util.List;

import io.airlines.config.UriMask;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static io.airlines.config.SettingsCheck.*;

/**
 * Where flight events are posted, and how hard to try.
 *
 * @param urls     HTTP(S) endpoints receiving every event; empty turns webhooks off
 * @param secret   key of the body's HMAC-SHA256 signature, required with URLs, never logged
 * @param maxTries attempts per event and URL before it is given up and reported
 * @param backoff  first wait between attempts, doubled each time
 * @param timeout  of one POST
 */
@ConfigurationProperties("airlines.webhooks")
record WebhookSettings(
        @DefaultValue("") List<String> urls,
        @DefaultValue("") String secret,
        @DefaultValue("5") int maxTries,
        @DefaultValue("1s") Duration backoff,
        @DefaultValue("10s") Duration timeout) {

    WebhookSettings {
        urls = urls == null ? List.of() : urls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
        urls.forEach(url -> httpUrl("urls", url));
        if (!urls.isEmpty()) {
            nonBlank("secret", secret, "must be set when webhooks are: it signs every POST");
        }
        between("maxTries", maxTries, 1, 20);
        positive("backoff", backoff);
        positive("timeout", timeout);
    }

    boolean enabled() {
        return !urls.isEmpty();
    }

    @Override
    public String toString() {
        // A record prints every component: keep the secret out of any log line.
        return "WebhookSettings[urls=" + urls.stream().map(UriMask::maskUri).toList() + ", secret="
                + UriMask.maskSecret(secret) + ", maxTries=" + maxTries + ", backoff=" + backoff + "]";
    }
}
