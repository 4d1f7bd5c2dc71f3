package io.airlines.etl;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data shipped for use without Lufthansa credentials.
 *
 * @param enabled   load the open reference set and the demo timetable when missing
 * @param demoDays  days of demo timetable from today on
 */
@ConfigurationProperties("airlines.offline")
record OfflineSettings(@DefaultValue("true") boolean enabled, @DefaultValue("14") int demoDays) {
}
