package io.airlines.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.airlines.bench.ServerProcess;
import io.airlines.stream.Topics;
import io.airlines.support.FreePorts;
import io.airlines.support.Http;
import io.airlines.support.TcpProxy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store becomes unreachable for 15 s (30 s at full size) while positions keep arriving: the server must say so
 * (health DOWN, a warning in the log), keep the backlog in Kafka, and store every acknowledged
 * point exactly once when the store is back.
 */
class StoreOutageDrillIT {

    /** Long enough for several of the sink's retries and the health check to say DOWN. */
    private static final Duration OUTAGE = Duration.ofSeconds(ChaosScale.of(15, 30));

    @TempDir
    Path temp;

    @Test
    void positions_arriving_while_the_store_is_unreachable_are_all_stored_once_it_is_back() throws Exception {
        int total = ChaosScale.of(6_000, 100_000);
        ChaosTraffic traffic = ChaosTraffic.newRun("CO");
        MongoServer store = new MongoServer(new MemoryBackend());
        int storePort = FreePorts.next();
        store.bind(new InetSocketAddress("127.0.0.1", storePort));
        try (TcpProxy line = new TcpProxy(storePort);
             ServerProcess server = ServerProcess.builder(temp.resolve("data"))
                     .env("MONGODB_URI", "mongodb://127.0.0.1:" + line.port())
                     .log(Path.of("target", "server-logs", "chaos-store-outage.log").toAbsolutePath()).start();
             MongoClient direct = MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
            server.awaitHealthy(Duration.ofSeconds(120));
            long outageStart;
            long outageEnd;
            try (KafkaProducer<String, byte[]> producer = ChaosTraffic.producer("127.0.0.1:" + server.kafkaPort())) {
                // A steady stream over the whole drill: a fifth before, three fifths during, the rest after.
                int slice = total / 5;
                traffic.sendGood(producer, Topics.POSITIONS_RAW, 0, slice);
                producer.flush();
                await().atMost(Duration.ofSeconds(60)).until(() -> traffic.stored(direct.getDatabase("airlines")).distinct() > 0);

                line.down();
                outageStart = System.nanoTime();
                for (int part = 0; part < 3; part++) {
                    traffic.sendGood(producer, Topics.POSITIONS_RAW, slice * (1 + part), slice * (2 + part));
                    producer.flush();
                    if (part == 0) {
                        assertThat(Http.get(server.url("/actuator/health")).statusCode()).as("health during the outage")
                                .isEqualTo(503);
                    }
                    long until = outageStart + OUTAGE.toNanos() * (part + 1) / 3;
                    await().atMost(OUTAGE).pollInterval(Duration.ofMillis(200)).until(() -> System.nanoTime() >= until);
                }
                line.up();
                outageEnd = System.nanoTime();
                traffic.sendGood(producer, Topics.POSITIONS_RAW, slice * 4, total);
                producer.flush();
            }
            long[] recoveredAt = {0};
            await().atMost(Duration.ofSeconds(ChaosScale.of(120, 600))).pollInterval(Duration.ofMillis(500)).until(() -> {
                boolean done = traffic.stored(direct.getDatabase("airlines")).distinct() >= traffic.acked.get();
                recoveredAt[0] = System.nanoTime();
                return done;
            });
            ChaosTraffic.Stored stored = traffic.stored(direct.getDatabase("airlines"));

            Map<String, Number> extra = new LinkedHashMap<>();
            extra.put("outageSeconds", (outageEnd - outageStart) / 1_000_000_000L);
            extra.put("catchUpSecondsAfterOutage", (recoveredAt[0] - outageEnd) / 1_000_000_000L);
            new ChaosReport("store-outage", stored.figures(traffic, total, extra)).write();

            assertThat(traffic.failed.get()).isZero();
            assertThat(stored.distinct()).isEqualTo(traffic.acked.get()).isEqualTo(total);
            assertThat(stored.duplicated()).isZero();
            assertThat(server.output()).contains("MongoDB write failed").contains("MongoDB answers again");
            await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(server.url("/actuator/health")).statusCode() == 200);
        } finally {
            store.shutdownNow();
        }
    }
}
