package io.airlines.stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/** The position codec on Spring's JSON mapper, and scheduling for the periodic jobs. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StreamConfiguration {

    @Bean
    PositionCodec positionCodec(JsonMapper mapper) {
        return new PositionCodec(mapper);
    }
}
