package io.airlines.embedded.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.airlines.config.AirlinesSettings;
import io.airlines.config.DataDirectory;
import io.airlines.config.LocalPorts;
import io.airlines.config.StartupException;
import io.airlines.config.StartupFailure;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in this JVM: KRaft, combined broker and controller, bound to loopback.
 * Storage is formatted on first start; later starts reuse it, so records survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final long DEDUPE_BUFFER_BYTES = 8L * 1024 * 1024;

    private final AirlinesSettings.Kafka settings;
    private final Path logDir;
    private KafkaRaftServer server;
    /** Set when the broker started on an existing log, whose groups may hold a killed process's members. */
    private volatile StaleGroupMembers staleMembers;

    public EmbeddedKafkaBroker(AirlinesSettings.Kafka settings, Path dataDir) {
        this.settings = settings;
        this.logDir = DataDirectory.prepare(dataDir, "kafka");
    }

    public synchronized void start() {
        LocalPorts.requireFree(settings.port(), "Kafka", "AIRLINES_KAFKA_PORT");
        LocalPorts.requireFree(settings.controllerPort(), "Kafka controller", "AIRLINES_KAFKA_CONTROLLER_PORT");
        long started = System.nanoTime();
        Properties props = brokerProperties();
        boolean restart = Files.exists(logDir.resolve("meta.properties"));
        try {
            formatOnce();
            server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
        } catch (Exception e) {
            close();
            throw new StartupException("embedded Kafka broker could not start on 127.0.0.1:" + settings.port()
                    + " (" + StartupFailure.rootMessage(e) + "); set AIRLINES_KAFKA_PORT or AIRLINES_DATA_DIR", e);
        }
        if (restart) {
            staleMembers = new StaleGroupMembers(bootstrapServers());
        }
        log.info("Embedded Kafka broker listening on 127.0.0.1:{} (log dir {}) in {} ms",
                settings.port(), logDir, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + settings.port();
    }

    /**
     * Call before this process's first consumer of {@code groupId} joins: after a restart of the
     * broker, removes the members a killed process left in the group, which it would otherwise
     * wait 45 s for. Does nothing on a first start or for a group already cleared.
     */
    public void removeStaleMembers(String groupId) {
        StaleGroupMembers stale = staleMembers;
        if (stale != null) {
            stale.removeOnce(groupId);
        }
    }

    private void formatOnce() throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setIgnoreFormatted(true)
                .run();
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + settings.controllerPort());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + settings.port()
                + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + settings.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.port());
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        // One node: every internal topic has a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The original producer writes to flight_<id> topics it never created.
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");
        // Bound the disk used by auto-created topics too; pipeline topics set their own limits.
        p.put("log.retention.ms", String.valueOf(settings.retention().toMillis()));
        p.put("log.retention.bytes", String.valueOf(settings.retentionBytesPerPartition()));
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("log.retention.check.interval.ms", "60000");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "2");
        p.put("log.flush.interval.ms", "1000");
        // The log cleaner allocates its offset map whole at start (128 MiB by default, then the
        // largest object of the heap). Only Kafka's own topics are compacted here, whose keys
        // (groups x partitions) number a few thousand; 24 bytes each, 8 MiB holds 300,000.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(DEDUPE_BUFFER_BYTES));
        p.put("controlled.shutdown.enable", "true");
        p.put("controller.quorum.election.timeout.ms", "1000");
        p.put("controller.quorum.fetch.timeout.ms", "2000");
        return p;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Embedded Kafka broker did not stop cleanly: {}", e.toString());
        } finally {
            server = null;
        }
        log.info("Embedded Kafka broker stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
