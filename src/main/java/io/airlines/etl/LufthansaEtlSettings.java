package io.airlines.etl;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static io.airlines.config.SettingsCheck.*;

/**
 * The nightly jobs and the queue every job goes through.
 *
 * @param cron      Spring cron of the nightly run (references then schedules); "-" disables it
 * @param airports  airports whose every ordered pair the schedule job fetches
 * @param days      days ahead fetched for each pair
 * @param queueSize runs that may wait behind the running one; more requests are refused (429)
 */
@ConfigurationProperties("airlines.etl")
record LufthansaEtlSettings(
        @DefaultValue("0 0 22 * * *") String cron,
        @DefaultValue({"BIO", "PAR", "JFK", "LHR", "FRA", "AMS"}) List<String> airports,
        @DefaultValue("1") int days,
        @DefaultValue("16") int queueSize) {

    LufthansaEtlSettings {
        atLeast("days", days, 1);
        atLeast("queueSize", queueSize, 1);
    }
}
