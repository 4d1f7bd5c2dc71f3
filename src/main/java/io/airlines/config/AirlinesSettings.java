package io.airlines.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static io.airlines.config.SettingsCheck.*;

/**
 * Every setting of the program, with its default. Each one is overridable by an environment
 * variable (relaxed binding: {@code airlines.kafka.partitions} ← {@code AIRLINES_KAFKA_PARTITIONS});
 * the few with historical names ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI},
 * {@code MONGODB_DATABASE}) are mapped in application.yml.
 */
@ConfigurationProperties("airlines")
public record AirlinesSettings(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("") String apiKey,
        @DefaultValue Kafka kafka,
        @DefaultValue Mongo mongo) {

    /** A record prints every component: the key stays out of any log line or error. */
    @Override
    public String toString() {
        return "AirlinesSettings[dataDir=" + dataDir + ", apiKey=" + UriMask.maskSecret(apiKey) + ", kafka=" + kafka
                + ", mongo=" + mongo + "]";
    }

    public record Kafka(
            /** External cluster; empty means start the embedded broker. */
            @DefaultValue("") String bootstrapServers,
            @DefaultValue("9092") int port,
            @DefaultValue("9093") int controllerPort,
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("24h") Duration retention,
            @DefaultValue("1073741824") long retentionBytesPerPartition,
            @DefaultValue("20s") Duration startupTimeout) {

        public Kafka {
            portNumber("port", port);
            portNumber("controllerPort", controllerPort);
            atLeast("partitions", partitions, 1);
            atLeast("replicationFactor", replicationFactor, 1);
            positive("retention", retention);
            positive("startupTimeout", startupTimeout);
        }

        public boolean embedded() {
            return bootstrapServers == null || bootstrapServers.isBlank();
        }

        public String effectiveBootstrapServers() {
            return embedded() ? "127.0.0.1:" + port : bootstrapServers;
        }
    }

    public record Mongo(
            /** External server; empty means start the embedded store. */
            @DefaultValue("") String uri,
            @DefaultValue("airlines") String database,
            @DefaultValue("27017") int port,
            @DefaultValue("10s") Duration startupTimeout,
            @DefaultValue("5s") Duration connectTimeout,
            /** The longest wait for any one answer of the server: a hung store fails the command then. */
            @DefaultValue("30s") Duration operationTimeout,
            /** How long a command waits for a reachable server before it fails. */
            @DefaultValue("5s") Duration serverSelectionTimeout,
            /** The health check's own wait for a ping, so that {@code /actuator/health} never hangs with the store. */
            @DefaultValue("2s") Duration healthTimeout,
            /** Health is DOWN while a command has waited longer than this for its answer. */
            @DefaultValue("10s") Duration stallAfter,
            @DefaultValue("process") StoreDurability durability) {

        public Mongo {
            portNumber("port", port);
            positive("startupTimeout", startupTimeout);
            positive("connectTimeout", connectTimeout);
            positive("operationTimeout", operationTimeout);
            positive("serverSelectionTimeout", serverSelectionTimeout);
            positive("healthTimeout", healthTimeout);
            positive("stallAfter", stallAfter);
        }

        public boolean embedded() {
            return uri == null || uri.isBlank();
        }

        /** The URI's credentials and secret options stay out of any log line or error. */
        @Override
        public String toString() {
            return "Mongo[uri=" + UriMask.maskUri(uri) + ", database=" + database + ", port=" + port
                    + ", startupTimeout=" + startupTimeout + ", connectTimeout=" + connectTimeout
                    + ", operationTimeout=" + operationTimeout + ", serverSelectionTimeout=" + serverSelectionTimeout
                    + ", healthTimeout=" + healthTimeout + ", stallAfter=" + stallAfter + ", durability=" + durability + "]";
        }

        public String effectiveUri() {
            return embedded() ? "mongodb://127.0.0.1:" + port : uri;
        }
    }
}
