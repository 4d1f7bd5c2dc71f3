package io.airlines.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static io.airlines.config.SettingsCheck.*;

/**
 * Bounds of the live stream. Each subscriber costs a queue and a share of the sender threads, not
 * a thread of its own; one that falls {@code queue} messages behind (about as many seconds of
 * deltas) is dropped, and its browser reconnects and starts again from a snapshot.
 */
@ConfigurationProperties("airlines.live")
record LiveStreamSettings(
        @DefaultValue("1000") int maxStreams,
        @DefaultValue("16") int queue,
        @DefaultValue("4") int senders,
        @DefaultValue("30m") Duration streamTimeout) {

    LiveStreamSettings {
        atLeast("maxStreams", maxStreams, 1);
        atLeast("queue", queue, 1);
        atLeast("senders", senders, 1);
        positive("streamTimeout", streamTimeout);
    }
}
