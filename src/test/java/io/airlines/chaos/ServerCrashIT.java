package io.airlines.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.airlines.bench.ServerProcess;
import io.airlines.store.PositionSink;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server killed with SIGKILL while the pipeline works through a backlog, then started again
 * on the same data directory: every acknowledged position must end up stored exactly once, and
 * the pipeline resumes at once rather than after the dead members' session timeout.
 */
class ServerCrashIT {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    void a_server_killed_mid_stream_and_restarted_on_its_data_dir_stores_every_acknowledged_point_once() {
        // Large enough that the sink needs several flushes for the first half: the kill lands between them.
        int total = ChaosScale.of(40_000, 200_000);
        ChaosTraffic traffic = ChaosTraffic.newRun("CK");
        Path dataDir = temp.resolve("data");
        long committedAtKill;
        ServerProcess first = server(dataDir).log(log("first")).start();
        try (first) {
            first.awaitHealthy(START);
            try (KafkaProducer<String, byte[]> producer = ChaosTraffic.producer("127.0.0.1:" + first.kafkaPort())) {
                traffic.sendGood(producer, Topics.POSITIONS_RAW, 0, total / 2);
                producer.flush();
            }
            // Kill right after the sink's first committed flush, while the rest is in flight or in memory.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + first.kafkaPort()))) {
                long[] committed = {0};
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                        .until(() -> (committed[0] = committedBySink(admin)) > 0);
                first.kill();
                committedAtKill = committed[0];
            }
        }

        try (ServerProcess again = server(dataDir).portsOf(first).log(log("again")).start()) {
            again.awaitHealthy(START);
            // The killed process's members are removed at start: the sink does not wait out their
            // 45 s session before it gets its partitions.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + again.kafkaPort()))) {
                await().atMost(Duration.ofSeconds(25)).ignoreExceptions().until(() -> sinkAlone(admin));
            }
            try (KafkaProducer<String, byte[]> producer = ChaosTraffic.producer("127.0.0.1:" + again.kafkaPort())) {
                traffic.sendGood(producer, Topics.POSITIONS_RAW, total / 2, total);
                producer.flush();
            }
            ChaosTraffic.Stored stored = awaitStable(again, traffic, traffic.acked.get());

            new ChaosReport("server-sigkill", stored.figures(traffic, total, Map.of("committedBySinkAtKill", committedAtKill))).write();

            assertThat(traffic.failed.get()).isZero();
            assertThat(stored.distinct()).as("stored points (lost = acknowledged - stored)").isEqualTo(traffic.acked.get());
            assertThat(stored.duplicated()).isZero();
        }
    }

    /** The sink's group is stable with one member, the restarted server's. */
    private static boolean sinkAlone(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(PositionSink.GROUP)).describedGroups()
                .get(PositionSink.GROUP).get();
        return group.groupState() == GroupState.STABLE && group.members().size() == 1;
    }

    /** Records of {@code flights.positions} the sink has stored and committed so far. */
    private static long committedBySink(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets(PositionSink.GROUP).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Topics.POSITIONS) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    static ChaosTraffic.Stored stored(ServerProcess server, ChaosTraffic traffic) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.mongoPort()
                + "/?serverSelectionTimeoutMS=15000&socketTimeoutMS=60000")) {
            return traffic.stored(client.getDatabase("airlines"));
        }
    }

    /** Waits until everything is stored, or until nothing changed for 75 s (longer than the 45 s a dead member keeps its partitions); returns the last count. */
    static ChaosTraffic.Stored awaitStable(ServerProcess server, ChaosTraffic traffic, int expected) {
        long[] last = {-1, System.currentTimeMillis()};
        ChaosTraffic.Stored[] result = new ChaosTraffic.Stored[1];
        await().atMost(Duration.ofSeconds(ChaosScale.of(180, 900))).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
            result[0] = stored(server, traffic);
            if (result[0].distinct() != last[0]) {
                last[0] = result[0].distinct();
                last[1] = System.currentTimeMillis();
            }
            return result[0].distinct() >= expected || System.currentTimeMillis() - last[1] > 75_000;
        });
        return result[0];
    }

    private static Path log(String name) {
        return Path.of("target", "server-logs", "chaos-crash-" + name + ".log").toAbsolutePath();
    }

    /**
     * At full size the restarted server drains a 100,000-record backlog through every consumer at
     * once (each buffers up to 16 MiB of fetched records): it runs with the launcher's heap, as a
     * user's would; 512 MiB, the short drill's heap, thrashed in full collections.
     */
    private static ServerProcess.Builder server(Path dataDir) {
        ServerProcess.Builder builder = ServerProcess.builder(dataDir);
        return ChaosScale.longRun() ? builder.jvmOptions(io.airlines.bench.StartupBenchmark.LAUNCHER_JVM_OPTIONS) : builder;
    }
}
