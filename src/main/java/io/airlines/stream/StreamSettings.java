package io.airlines.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static io.airlines.config.SettingsCheck.*;

/**
 * Settings of the validation pipeline and the live view ({@code airlines.stream.*}).
 *
 * @param signalLostAfter an airborne flight silent this long makes a {@code signal_lost} event
 * @param liveExpiry      a flight silent this long leaves the live view
 * @param referenceReload how often airlines, airports and the timetable are read again from the store
 */
@ConfigurationProperties("airlines.stream")
public record StreamSettings(
        @DefaultValue("60s") Duration signalLostAfter,
        @DefaultValue("120s") Duration liveExpiry,
        @DefaultValue("5m") Duration referenceReload) {

    public StreamSettings {
        positive("signalLostAfter", signalLostAfter);
        positive("liveExpiry", liveExpiry);
        positive("referenceReload", referenceReload);
    }
}
