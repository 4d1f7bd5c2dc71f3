package io.airlines.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static io.airlines.config.SettingsCheck.*;

/**
 * Bounds of the alert stream. A subscriber that falls {@code queue} alerts behind is dropped with a
 * last {@code dropped} event; a comment every {@code heartbeat} keeps proxies from closing a quiet
 * stream and finds connections that are gone.
 */
@ConfigurationProperties("airlines.alerts")
record AlertSettings(
        @DefaultValue("1000") int maxStreams,
        @DefaultValue("64") int queue,
        @DefaultValue("15s") Duration heartbeat) {

    AlertSettings {
        atLeast("maxStreams", maxStreams, 1);
        atLeast("queue", queue, 1);
        positive("heartbeat", heartbeat);
    }
}
