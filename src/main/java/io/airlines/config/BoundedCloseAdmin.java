package io.airlines.config;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.ForwardingAdmin;

/**
 * The process's Kafka admin client, closed within a second. {@code Admin.close()} waits for every
 * call still pending to time out ({@code default.api.timeout.ms}): a start that failed because
 * Kafka was unreachable left its connection check pending, and printed its reason 7 s late.
 * Nothing an admin call does is worth waiting for once the process stops.
 */
final class BoundedCloseAdmin extends ForwardingAdmin {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    BoundedCloseAdmin(Map<String, Object> configs) {
        super(configs);
    }

    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }
}
