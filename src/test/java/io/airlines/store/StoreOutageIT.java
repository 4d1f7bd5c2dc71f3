package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TcpProxy;
import io.airlines.support.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

/**
 * A second sink (own consumer group, own database) writes through a relay that the test cuts:
 * the sink must pause, report DOWN, retry with backoff and, once the store is back, have lost
 * nothing.
 */
class StoreOutageIT extends IntegrationTest {

    @Autowired
    KafkaClients clients;
    @Autowired
    PositionCodec codec;

    /** A client of the store through {@code proxy} that gives up within seconds once the line is cut. */
    static MongoClient clientThrough(TcpProxy proxy) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + proxy.port()))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(1, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS))
                .build());
    }

    @Test
    void when_mongodb_is_unreachable_the_sink_pauses_reports_down_and_resumes_with_nothing_lost() throws Exception {
        String key = TestKafka.uniqueKey("OUT");
        String database = "airlines_outage_" + UUID.randomUUID().toString().substring(0, 8);
        StoreSettings settings = new StoreSettings("thinned", Duration.ofMinutes(5), Duration.ofMillis(300),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), 200_000, Duration.ofMillis(100), 2);
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
        try (TcpProxy proxy = new TcpProxy(TestStack.MONGO_PORT);
             MongoClient viaProxy = clientThrough(proxy);
             MongoClient direct = MongoClients.create(TestStack.mongoUri())) {
            PositionSink sink = new PositionSink(clients, codec, metrics, settings, viaProxy.getDatabase(database),
                    "outage-test-" + UUID.randomUUID(), io.airlines.stream.Topics.POSITIONS);
            StoreHealth health = new StoreHealth(sink, metrics);
            MongoDatabase check = direct.getDatabase(database);
            sink.start();
            try {
                long t = System.currentTimeMillis() - 60_000;
                TestKafka.send(Topics.POSITIONS_RAW, key, PositionStoreIT.climb(key, t, 5));
                await().atMost(Duration.ofSeconds(60)).until(() -> PositionStoreIT.storedTimes(check, key).size() == 5);
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);

                proxy.down();
                TestKafka.send(Topics.POSITIONS_RAW, key, PositionStoreIT.climb(key, t + 5_000, 5));
                await().atMost(Duration.ofSeconds(60)).until(() -> sink.failure() != null);
                assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.health().getDetails()).containsKey("error").containsKey("action");
                long failures = metrics.storeFailures.sum();
                await().atMost(Duration.ofSeconds(30)).until(() -> metrics.storeFailures.sum() > failures);

                proxy.up();
                await().atMost(Duration.ofSeconds(90)).until(() -> PositionStoreIT.storedTimes(check, key).size() == 10);
                await().atMost(Duration.ofSeconds(10)).until(() -> sink.failure() == null);
                assertThat(PositionStoreIT.storedTimes(check, key)).doesNotHaveDuplicates().isSorted();
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            } finally {
                sink.stop();
                check.drop();
            }
        }
    }

}
