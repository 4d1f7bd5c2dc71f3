package io.airlines.config;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health components {@code kafka} and {@code mongo} of {@code /actuator/health}. */
@Configuration(proxyBeanMethods = false)
class InfrastructureHealth {

    @Bean
    HealthIndicator kafkaHealthIndicator(Admin admin, KafkaConnection connection) {
        return () -> {
            try {
                DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
                int brokers = cluster.nodes().get(3, TimeUnit.SECONDS).size();
                return Health.up()
                        .withDetail("bootstrapServers", connection.bootstrapServers())
                        .withDetail("embedded", connection.embedded())
                        .withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
                        .withDetail("brokers", brokers)
                        .build();
            } catch (Exception e) {
                return Health.down()
                        .withDetail("bootstrapServers", connection.bootstrapServers())
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }

    /**
     * DOWN when the store does not answer a ping within {@code AIRLINES_MONGO_HEALTH_TIMEOUT} (the
     * check itself never waits longer), or when a command has waited past
     * {@code AIRLINES_MONGO_STALL_AFTER} for its answer.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoConnection connection) {
        return () -> {
            String error;
            try {
                connection.pingWithinHealthTimeout();
                error = connection.stalledCommand().orElse(null);
            } catch (TimeoutException e) {
                error = "no answer to ping within " + connection.healthTimeout().toMillis() + " ms";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = e.getClass().getSimpleName();
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName();
            }
            Health.Builder health = error == null ? Health.up() : Health.down().withDetail("error", error);
            return health.withDetail("uri", connection.displayUri())
                    .withDetail("embedded", connection.embedded())
                    .withDetail("database", connection.database().getName())
                    .withDetail("durability", connection.durability().name().toLowerCase(Locale.ROOT))
                    .build();
        };
    }
}
