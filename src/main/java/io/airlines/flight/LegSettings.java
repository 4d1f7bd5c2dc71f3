package io.airlines.flight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flight legs ({@code airlines.legs.*}).
 *
 * @param flushInterval how long changed legs collect in memory before one write (and offset
 *                      commit) while positions keep coming; a quiet stream writes at once. Each
 *                      write rewrites every open leg and its cursor, so this sets the store's load
 *                      from legs (one write per flying aircraft per interval); the boards refresh
 *                      every 30 s, so a 30 s old leg shows nothing stale there
 */
@ConfigurationProperties("airlines.legs")
public record LegSettings(@DefaultValue("30s") Duration flushInterval) {
}
