package io.airlines.stream;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.airlines.config.AirlinesSettings;
import io.airlines.config.KafkaConnection;
import io.airlines.config.StartupException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the pipeline's topics at start when they are missing, on the embedded broker or the
 * external cluster. An unreachable cluster stops the start with a message naming the setting.
 */
@Component
class TopicProvisioner implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final KafkaConnection connection;
    private final AirlinesSettings settings;

    public TopicProvisioner(Admin admin, KafkaConnection connection, AirlinesSettings settings) {
        this.admin = admin;
        this.connection = connection;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        long timeout = settings.kafka().startupTimeout().toMillis();
        try {
            Set<String> existing = admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = Topics.pipeline(settings.kafka()).stream()
                    .filter(t -> !existing.contains(t.name()))
                    .toList();
            if (!missing.isEmpty()) {
                createAll(missing, timeout);
                List<String> names = missing.stream().map(NewTopic::name).toList();
                // The pipeline writes to them as soon as it starts: not before their leaders hold them.
                TopicReadiness.awaitWritable(admin, names, Duration.ofMillis(timeout));
                log.info("Created topics {}", names);
            }
        } catch (TimeoutException | ExecutionException e) {
            throw new StartupException("Kafka at " + connection.bootstrapServers() + " is unreachable ("
                    + e.getClass().getSimpleName() + "); set KAFKA_BOOTSTRAP_SERVERS to a reachable cluster", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while creating Kafka topics", e);
        }
    }

    private void createAll(List<NewTopic> topics, long timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(topics).all().get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Another instance may have created them at the same moment.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
