package io.airlines.flight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flight legs ({@code airlines.legs.*}).
 *
 * @param flushInterval how long changed legs collect in memory before one write (and offset
 *                      commit) while positions keep coming; a quiet stream writes at once
 */
@ConfigurationProperties("airlines.legs")
public record LegSettings(@DefaultValue("5s") Duration flushInterval) {
}
