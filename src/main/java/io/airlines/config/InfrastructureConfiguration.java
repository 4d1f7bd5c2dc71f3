package io.airlines.config;

import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts (or connects to) Kafka and MongoDB, side by side, before anything else needs them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AirlinesSettings.class)
class InfrastructureConfiguration {

    @Bean(destroyMethod = "close")
    InfrastructureStart infrastructureStart(AirlinesSettings settings, MeterRegistry registry,
                                            ListableBeanFactory beans) {
        bindEverySetting(beans);
        // mongodb_driver_commands_seconds: every command's time by command name and outcome.
        return InfrastructureStart.begin(settings, List.of(new MongoMetricsCommandListener(registry)));
    }

    /** Closed with {@link InfrastructureStart}, after every bean that uses it. */
    @Bean(destroyMethod = "")
    KafkaConnection kafkaConnection(InfrastructureStart start) {
        return start.kafka();
    }

    @Bean(destroyMethod = "")
    MongoConnection mongoConnection(InfrastructureStart start) {
        return start.mongo();
    }

    /**
     * Binds, and so checks, every settings record before a broker or a store starts: a wrong value
     * stops the start at once rather than after a minute, when the feature that reads it starts.
     */
    private static void bindEverySetting(ListableBeanFactory beans) {
        beans.getBeansWithAnnotation(ConfigurationProperties.class);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoConnection connection) {
        return connection.database();
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdminClient(KafkaConnection connection) {
        return new BoundedCloseAdmin(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "airlines-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }
}
