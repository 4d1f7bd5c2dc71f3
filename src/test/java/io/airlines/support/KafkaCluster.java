package io.airlines.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.server.BrokerServer;
import io.airlines.stream.TopicReadiness;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.LoggerFactory;

/**
 * A real multi-broker KRaft cluster inside the test JVM (Kafka's own test kit): brokers and one
 * controller; topics are replicated 3 times with {@code min.insync.replicas} 2, so one
 * broker may die without losing an acknowledged record. Brokers can be stopped and started again.
 */
public final class KafkaCluster implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private final Admin admin;

    private KafkaCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    public static KafkaCluster start(int nodes) {
        quietLogs();
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    // One dedicated controller: with 3 combined nodes on Kafka 4.1.2 the follower
                    // controllers' UpdateVoter requests are answered INVALID_REQUEST and their raft
                    // threads die under load. The brokers, and so the replication under test, are the same.
                    .setCombined(false)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setNumBrokerNodes(nodes)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("default.replication.factor", String.valueOf(Math.min(3, nodes)))
                    .setConfigProp("min.insync.replicas", String.valueOf(Math.min(2, nodes)))
                    .setConfigProp("offsets.topic.replication.factor", String.valueOf(Math.min(3, nodes)))
                    .setConfigProp("transaction.state.log.replication.factor", String.valueOf(Math.min(3, nodes)))
                    .setConfigProp("transaction.state.log.min.isr", String.valueOf(Math.min(2, nodes)))
                    .setConfigProp("unclean.leader.election.enable", "false")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE))
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaCluster(kit);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test Kafka cluster", e);
        }
    }

    /** Outside Spring nothing configures logback: without this the brokers log 100,000 DEBUG lines a minute. */
    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger", "org.apache.kafka.clients")) {
                context.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN);
            }
            if (context.getLogger("ROOT").getLevel() == ch.qos.logback.classic.Level.DEBUG) {
                context.getLogger("ROOT").setLevel(ch.qos.logback.classic.Level.INFO);
            }
        }
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    public Admin admin() {
        return admin;
    }

    public void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) Math.min(3, kit.brokers().size()))
                    .configs(Map.of("min.insync.replicas", String.valueOf(Math.min(2, kit.brokers().size()))))))
                    .all().get();
            TopicReadiness.awaitWritable(admin, List.of(name), Duration.ofSeconds(30));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    /** The broker currently leading this partition. */
    public int leaderOf(String topic, int partition) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            TopicPartitionInfo info = description.partitions().get(partition);
            return info.leader().id();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /** In-sync replicas of a partition, as the controller sees them. */
    public int inSyncReplicas(String topic, int partition) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().get(partition).isr().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /**
     * Stops a broker abruptly: no wait for a controlled shutdown, so leadership moves only when the
     * controller notices the broker is gone, as after a crash.
     */
    public void stopBroker(int id) {
        broker(id).shutdown(Duration.ZERO);
    }

    public void startBroker(int id) {
        broker(id).startup();
    }

    private BrokerServer broker(int id) {
        BrokerServer broker = kit.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + " in " + kit.brokers().keySet());
        }
        return broker;
    }

    public Properties clientProperties() {
        return kit.clientProperties();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        try {
            kit.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
