package io.airlines.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of the integration tests' application: the system's, or, run with
 * {@code -Dairlines.test.now=2026-12-05T00:30:00Z}, one that starts at that instant and runs on,
 * to check that tests which build their data around the clock's now pass at any hour.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final String PROPERTY = "airlines.test.now";

    @Bean
    @Primary
    Clock testClock() {
        String at = System.getProperty(PROPERTY, "");
        return at.isBlank() ? Clock.systemUTC()
                : Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(at)));
    }
}
