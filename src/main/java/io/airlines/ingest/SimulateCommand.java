package io.airlines.ingest;

import java.util.HashMap;
import java.util.Map;

import io.airlines.stream.KafkaClients;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.ReferenceData;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code ./airlines simulate --aircraft N --rate 1 --seed S --speedup N [--seconds T]}: flies the
 * simulator into the configured Kafka ({@code KAFKA_BOOTSTRAP_SERVERS}, else the local embedded
 * broker's port) until stopped, printing its rate every 5 s.
 */
public final class SimulateCommand {

    private SimulateCommand() {
    }

    public static int run(String[] args) {
        Map<String, String> o;
        try {
            o = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("airlines simulate: " + e.getMessage());
            return 2;
        }
        if (o.containsKey("help")) {
            System.out.println("usage: ./airlines simulate [--aircraft 2000] [--rate 1] [--seed 42] [--speedup 1] [--seconds 0 (forever)]");
            return 0;
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
        if (bootstrap.isBlank()) {
            bootstrap = "127.0.0.1:" + System.getenv().getOrDefault("AIRLINES_KAFKA_PORT", "9092");
        }
        try {
            int aircraft = Integer.parseInt(o.getOrDefault("aircraft", "2000"));
            double rate = Double.parseDouble(o.getOrDefault("rate", "1"));
            long seed = Long.parseLong(o.getOrDefault("seed", "42"));
            double speedup = Double.parseDouble(o.getOrDefault("speedup", "1"));
            long seconds = Long.parseLong(o.getOrDefault("seconds", "0"));
            if (aircraft < 1 || speedup <= 0) {
                System.err.println("airlines simulate: --aircraft must be ≥ 1 and --speedup > 0");
                return 2;
            }
            return fly(bootstrap, aircraft, rate, seed, speedup, seconds);
        } catch (NumberFormatException e) {
            System.err.println("airlines simulate: not a number: " + e.getMessage());
            return 2;
        }
    }

    /** Flies until {@code seconds} passed (0: until interrupted), reporting every 5 s. */
    static int fly(String bootstrap, int aircraft, double rate, long seed, double speedup, long seconds) {
        PositionCodec codec = PositionCodec.standalone();
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(bootstrap, "airlines-simulate");
             SimulationLoop loop = new SimulationLoop(new Simulator(aircraft, seed, speedup, ReferenceData.builtIn(),
                     System.currentTimeMillis()), rate,
                     p -> producer.send(new ProducerRecord<>(Topics.POSITIONS_RAW, p.key(), codec.encode(p))))) {
            System.out.printf("Simulating %d aircraft at %s Hz (seed %d, speedup %s) into %s%n", aircraft, rate, seed,
                    speedup, bootstrap);
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

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                o.put("help", "");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                o.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; try --help");
            }
        }
        return o;
    }
}
