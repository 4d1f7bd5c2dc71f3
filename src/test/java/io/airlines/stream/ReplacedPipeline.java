package io.airlines.stream;

import io.airlines.config.KafkaConnection;
import io.airlines.support.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.context.ApplicationContext;

/**
 * The application's validation stage stopped and, in its consumer group on the same topics, one
 * whose outputs go through {@code producer}; closing puts the application's stage back.
 */
final class ReplacedPipeline implements AutoCloseable {

    private final ValidationPipeline application;
    private final ValidationPipeline replacement;
    final PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());

    ReplacedPipeline(ApplicationContext context, KafkaProducer<String, byte[]> producer) {
        application = context.getBean(ValidationPipeline.class);
        KafkaClients clients = new KafkaClients(KafkaConnection.to(TestStack.bootstrapServers())) {
            @Override
            public KafkaProducer<String, byte[]> producer(String clientId, int lingerMs) {
                return producer;
            }
        };
        replacement = new ValidationPipeline(clients, context.getBean(PositionCodec.class),
                context.getBean(ReferenceCache.class), metrics, context.getBean(StreamSettings.class),
                context.getBean(PrivacyBlocklist.class));
        application.stop();
        replacement.start();
    }

    @Override
    public void close() {
        replacement.stop();
        application.start();
    }
}
