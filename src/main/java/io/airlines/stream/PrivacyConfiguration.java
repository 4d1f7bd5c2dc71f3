package io.airlines.stream;

import java.io.UncheckedIOException;

import io.airlines.config.StartupException;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One block list for the whole ingest path, read once at start. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    PrivacyBlocklist privacyBlocklist(PrivacySettings settings) {
        PrivacyBlocklist blocklist;
        try {
            blocklist = settings.load();
        } catch (UncheckedIOException e) {
            throw new StartupException(e.getMessage(), e);
        }
        if (!blocklist.isEmpty()) {
            // Counts only: the entries themselves are what their owners want kept quiet.
            LoggerFactory.getLogger(PrivacyBlocklist.class).info("Privacy block list: {} entries", blocklist.size());
        }
        return blocklist;
    }
}
