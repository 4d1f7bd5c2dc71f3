package io.airlines.config;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health components {@code kafka} and {@code mongo} of {@code /actuator/health}. */
@Configuration(proxyBeanMethods = false)
public class InfrastructureHealth {

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

    @Bean
    HealthIndicator mongoHealthIndicator(MongoConnection connection) {
        return () -> {
            try {
                connection.ping();
                return Health.up()
                        .withDetail("uri", connection.displayUri())
                        .withDetail("embedded", connection.embedded())
                        .withDetail("database", connection.database().getName())
                        .build();
            } catch (RuntimeException e) {
                return Health.down()
                        .withDetail("uri", connection.displayUri())
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }
}
