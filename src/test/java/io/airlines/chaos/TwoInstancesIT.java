package io.airlines.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.airlines.bench.ServerProcess;
import io.airlines.store.PositionSink;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out on one machine: two servers in separate JVMs share one Kafka and one store (the
 * first one's embedded ones). They split the sink's partitions, store every point once together,
 * and when one stops the other takes its partitions over with nothing lost.
 */
class TwoInstancesIT {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    void two_servers_split_the_sink_and_one_stopping_hands_its_partitions_to_the_other_with_nothing_lost() throws Exception {
        int total = ChaosScale.of(8_000, 100_000);
        ChaosTraffic traffic = ChaosTraffic.newRun("CS");
        try (ServerProcess first = ServerProcess.builder(temp.resolve("first")).log(log("first")).start()) {
            first.awaitHealthy(START);
            String bootstrap = "127.0.0.1:" + first.kafkaPort();
            try (ServerProcess second = ServerProcess.builder(temp.resolve("second"))
                    .env("KAFKA_BOOTSTRAP_SERVERS", bootstrap)
                    .env("MONGODB_URI", "mongodb://127.0.0.1:" + first.mongoPort())
                    .log(log("second")).start();
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                 KafkaProducer<String, byte[]> producer = ChaosTraffic.producer(bootstrap)) {
                second.awaitHealthy(START);
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                    List<Integer> split = assignment(admin);
                    return split.size() == 2 && split.stream().allMatch(n -> n > 0);
                });
                List<Integer> shared = assignment(admin);

                traffic.sendGood(producer, Topics.POSITIONS_RAW, 0, total / 2);
                producer.flush();
                await().atMost(Duration.ofSeconds(ChaosScale.of(90, 600))).ignoreExceptions()
                        .until(() -> ServerCrashIT.stored(first, traffic).distinct() >= total / 2);

                traffic.sendGood(producer, Topics.POSITIONS_RAW, total / 2, total);
                producer.flush();
                second.stop(Duration.ofSeconds(30));
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> assignment(admin).equals(List.of(6)));

                ChaosTraffic.Stored stored = ServerCrashIT.awaitStable(first, traffic, traffic.acked.get());
                new ChaosReport("two-instances", stored.figures(traffic, total,
                        Map.of("partitionsFirst", shared.get(0), "partitionsSecond", shared.get(1)))).write();

                assertThat(traffic.failed.get()).isZero();
                assertThat(stored.distinct()).isEqualTo(traffic.acked.get()).isEqualTo(total);
                assertThat(stored.duplicated()).isZero();
            }
        }
    }

    /** Partitions of {@code flights.positions} held by each member of the sink's group. */
    private static List<Integer> assignment(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(PositionSink.GROUP))
                .describedGroups().get(PositionSink.GROUP).get();
        return group.members().stream()
                .map(MemberDescription::assignment)
                .map(a -> (int) a.topicPartitions().stream().filter(tp -> tp.topic().equals(Topics.POSITIONS)).count())
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
    }

    private static Path log(String name) {
        return Path.of("target", "server-logs", "chaos-two-" + name + ".log").toAbsolutePath();
    }
}
