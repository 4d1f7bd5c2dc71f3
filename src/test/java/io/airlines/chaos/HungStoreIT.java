package io.airlines.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.airlines.bench.ServerProcess;
import io.airlines.embedded.mongo.EmbeddedMongoStore;
import io.airlines.embedded.mongo.WireServer;
import io.airlines.stream.Topics;
import io.airlines.support.FreePorts;
import io.airlines.support.Http;
import io.airlines.support.TcpProxy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store stops answering while keeping its connections open (a black hole between the server
 * and the embedded store): health must say so within seconds without hanging itself, the sink's
 * writes must time out into its retry path, and once the store answers again every position sent
 * meanwhile must be stored once.
 */
class HungStoreIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HEALTH_ANSWERS_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    @Test
    void a_store_that_stops_answering_is_reported_down_quickly_and_nothing_sent_meanwhile_is_lost() throws Exception {
        int total = ChaosScale.of(1_500, 100_000);
        int beforeFreeze = total / 3;
        Duration drain = Duration.ofSeconds(ChaosScale.of(60, 600));
        ChaosTraffic traffic = ChaosTraffic.newRun("HUNG");
        int storePort = FreePorts.next();
        WireServer store = new WireServer(EmbeddedMongoStore.openBackend(temp.resolve("mongo.mv")),
                new InetSocketAddress("127.0.0.1", storePort));
        try (TcpProxy line = new TcpProxy(storePort);
             ServerProcess server = ServerProcess.builder(temp.resolve("data"))
                     .env("MONGODB_URI", "mongodb://127.0.0.1:" + line.port())
                     .env("AIRLINES_MONGO_OPERATION_TIMEOUT", "3s")
                     .log(Path.of("target", "server-logs", "hung-store.log").toAbsolutePath()).start();
             MongoClient direct = MongoClients.create("mongodb://127.0.0.1:" + storePort);
             KafkaProducer<String, byte[]> producer = ChaosTraffic.producer("127.0.0.1:" + server.kafkaPort())) {
            MongoDatabase check = direct.getDatabase("airlines");
            server.awaitHealthy(Duration.ofSeconds(120));
            traffic.sendGood(producer, Topics.POSITIONS_RAW, 0, beforeFreeze);
            producer.flush();
            await().atMost(drain).pollInterval(Duration.ofMillis(500))
                    .until(() -> traffic.stored(check).distinct() == beforeFreeze);

            line.freeze();
            long frozenAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "DOWN".equals(component(health(server), "mongo")));
            long downAt = System.nanoTime();
            // Sent once health said DOWN, so the time above is the health check's alone, at any size.
            traffic.sendGood(producer, Topics.POSITIONS_RAW, beforeFreeze, total);
            producer.flush();
            // The sink's write timed out (AIRLINES_MONGO_OPERATION_TIMEOUT) and went to its retry path.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> health(server).path("components").path("positionStore").path("details").path("error")
                            .asString("").contains("Timeout"));

            line.thaw();
            long thawedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> "UP".equals(health(server).path("status").asString()));
            await().atMost(drain).pollInterval(Duration.ofMillis(500))
                    .until(() -> traffic.stored(check).distinct() >= traffic.acked.get());
            long caughtUp = System.nanoTime();
            ChaosTraffic.Stored stored = traffic.stored(check);

            Map<String, Number> extra = new LinkedHashMap<>();
            extra.put("downSecondsAfterFreeze", seconds(downAt - frozenAt));
            extra.put("frozenSeconds", seconds(thawedAt - frozenAt));
            extra.put("catchUpSecondsAfterThaw", seconds(caughtUp - thawedAt));
            new ChaosReport("hung-store", stored.figures(traffic, total, extra)).write();

            assertThat(traffic.failed.get()).isZero();
            assertThat(stored.distinct()).isEqualTo(traffic.acked.get()).isEqualTo(total);
            assertThat(stored.duplicated()).isZero();
            assertThat(server.output()).contains("MongoDB write failed").contains("MongoDB answers again");
        } finally {
            store.close();
        }
    }

    /** Tenths of a second, for the report. */
    private static double seconds(long nanos) {
        return Math.round(nanos / 100_000_000.0) / 10.0;
    }

    /** {@code /actuator/health}, which must answer (200 or 503) within {@link #HEALTH_ANSWERS_WITHIN} whatever the store does. */
    private static JsonNode health(ServerProcess server) {
        long started = System.nanoTime();
        HttpResponse<String> response = Http.get(server.url("/actuator/health"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to answer /actuator/health")
                .isLessThan(HEALTH_ANSWERS_WITHIN);
        assertThat(response.statusCode()).isIn(200, 503);
        return JSON.readTree(response.body());
    }

    private static String component(JsonNode health, String name) {
        return health.path("components").path(name).path("status").asString("");
    }
}
