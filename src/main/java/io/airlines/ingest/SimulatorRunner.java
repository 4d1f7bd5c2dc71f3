package io.airlines.ingest;

import io.airlines.stream.KafkaClients;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.ReferenceCache;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The built-in simulator of the server, so a new user sees aircraft moving at once. */
@Component
public class SimulatorRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatorRunner.class);

    private final SimulatorSettings settings;
    private final KafkaClients clients;
    private final PositionCodec codec;
    private final ReferenceCache references;
    private KafkaProducer<String, byte[]> producer;
    private SimulationLoop loop;

    public SimulatorRunner(SimulatorSettings settings, KafkaClients clients, PositionCodec codec,
                           ReferenceCache references) {
        this.settings = settings;
        this.clients = clients;
        this.codec = codec;
        this.references = references;
    }

    @Override
    public synchronized void start() {
        if (settings.aircraft() <= 0 || loop != null) {
            return;
        }
        producer = clients.producer("airlines-simulator");
        Simulator simulator = new Simulator(settings.aircraft(), settings.seed(), settings.speedup(),
                references.current(), System.currentTimeMillis());
        loop = new SimulationLoop(simulator, settings.rate(),
                p -> producer.send(new ProducerRecord<>(Topics.POSITIONS_RAW, p.key(), codec.encode(p))));
        loop.start();
        log.info("Simulator flying {} aircraft at {} Hz (seed {}, speedup {})", settings.aircraft(), settings.rate(),
                settings.seed(), settings.speedup());
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }

    public synchronized long produced() {
        return loop == null ? 0 : loop.produced();
    }
}
