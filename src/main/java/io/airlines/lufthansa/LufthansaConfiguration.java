package io.airlines.lufthansa;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** One client and one rate limiter for the whole process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LufthansaSettings.class)
class LufthansaConfiguration {

    @Bean
    RateLimiter lufthansaRateLimiter(LufthansaSettings settings) {
        return new RateLimiter(settings.requestsPerSecond(), settings.requestsPerHour());
    }

    @Bean
    LufthansaClient lufthansaClient(LufthansaSettings settings, RateLimiter limiter, JsonMapper json) {
        return new LufthansaClient(settings, limiter, json);
    }
}
