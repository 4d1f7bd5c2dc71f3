package io.airlines.ingest;

import java.util.concurrent.Callable;

import io.airlines.stream.KafkaClients;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./airlines simulate}: flies the simulator into the configured Kafka
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, else the local embedded broker's port) until stopped, printing
 * its rate every 5 s. It flies the timetable of the configured store ({@code MONGODB_URI}, else the
 * local embedded store's port) as the server's simulator does, else round trips ({@link StoreTimetable}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Fly simulated aircraft into Kafka (KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:AIRLINES_KAFKA_PORT).")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--aircraft", defaultValue = "2000", description = "aircraft flown (default: ${DEFAULT-VALUE})")
    int aircraft;

    @Option(names = "--rate", defaultValue = "1", description = "positions per second per aircraft (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seed", defaultValue = "42", description = "same seed, same traffic (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--speedup", defaultValue = "1", description = "fly N times faster than real time (default: ${DEFAULT-VALUE})")
    double speedup;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this long; 0 flies until stopped (default: ${DEFAULT-VALUE})")
    long seconds;

    public static int run(String[] args) {
        return new CommandLine(new SimulateCommand()).execute(args);
    }

    @Override
    public Integer call() {
        if (aircraft < 1 || speedup <= 0 || rate <= 0 || seconds < 0) {
            System.err.println("airlines simulate: --aircraft must be ≥ 1, --rate and --speedup > 0, --seconds ≥ 0");
            return 2;
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
        if (bootstrap.isBlank()) {
            bootstrap = "127.0.0.1:" + System.getenv().getOrDefault("AIRLINES_KAFKA_PORT", "9092");
        }
        String store = System.getenv().getOrDefault("MONGODB_URI", "");
        if (store.isBlank()) {
            store = "mongodb://127.0.0.1:" + System.getenv().getOrDefault("AIRLINES_MONGO_PORT", "27017");
        }
        try (StoreTimetable timetable = StoreTimetable.open(store, System.getenv().getOrDefault("MONGODB_DATABASE", "airlines"))) {
            System.out.printf("Flying %s%n", timetable.description());
            int cancelled = timetable.announceCancellations(seed);
            if (cancelled > 0) {
                System.out.printf("%,d flights of the timetable announced cancelled%n", cancelled);
            }
            System.out.printf("Simulating %d aircraft at %s Hz (seed %d, speedup %s) into %s%n", aircraft, rate, seed,
                    speedup, bootstrap);
            return fly(bootstrap, new Simulator(aircraft, seed, speedup, timetable.data(), System.currentTimeMillis()),
                    rate, seconds);
        }
    }

    /** Flies {@code simulator} until {@code seconds} passed (0: until interrupted), reporting every 5 s. */
    static int fly(String bootstrap, Simulator simulator, double rate, long seconds) {
        PositionCodec codec = PositionCodec.standalone();
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(bootstrap, "airlines-simulate");
             SimulationLoop loop = new SimulationLoop(simulator, rate,
                     p -> producer.send(new ProducerRecord<>(Topics.POSITIONS_RAW, p.key(), codec.encode(p))))) {
            loop.start();
            long started = System.currentTimeMillis();
            long last = 0;
            while (seconds == 0 || System.currentTimeMillis() - started < seconds * 1000) {
                Thread.sleep(5000);
                long produced = loop.produced();
                System.out.printf("%,d positions produced (%,.0f/s)%n", produced, (produced - last) / 5.0);
                last = produced;
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
