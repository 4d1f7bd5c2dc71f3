package io.airlines.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.airlines.config.ConfigurationTableTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Docker cannot run on the build machine, so the scale-out setup is checked as data: the services
 * exist, agree with each other (broker ids, quorum, replica set members) and only use settings the
 * server really reads.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("deploy", "compose.yaml");

    @Test
    void three_kraft_brokers_form_one_quorum_with_replication_3_and_min_isr_2() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<String> brokers = List.of("kafka-1", "kafka-2", "kafka-3");
        assertThat(services).containsKeys(brokers.toArray(String[]::new));
        for (int i = 0; i < brokers.size(); i++) {
            Map<String, String> env = env(services.get(brokers.get(i)));
            assertThat(services.get(brokers.get(i)).get("image").toString()).startsWith("apache/kafka:");
            assertThat(env).containsEntry("KAFKA_NODE_ID", String.valueOf(i + 1))
                    .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                    .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
                    .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + brokers.get(i) + ":9092")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false");
            assertThat(env.get("CLUSTER_ID")).isEqualTo(env(services.get("kafka-1")).get("CLUSTER_ID")).isNotBlank();
        }
    }

    @Test
    void three_mongod_form_one_replica_set_initiated_once_with_all_members() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String member : List.of("mongo-1", "mongo-2", "mongo-3")) {
            assertThat(services).containsKey(member);
            assertThat(String.valueOf(services.get(member).get("command"))).contains("--replSet, rs0").contains("--bind_ip_all");
        }
        String init = String.valueOf(services.get("mongo-init").get("command"));
        assertThat(init).contains("rs.initiate").contains("_id: \"rs0\"")
                .contains("mongo-1:27017").contains("mongo-2:27017").contains("mongo-3:27017");
    }

    @Test
    void two_servers_share_the_cluster_and_the_replica_set_behind_an_api_key() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<String> servers = services.keySet().stream().filter(s -> s.startsWith("airlines-")).toList();
        assertThat(servers).hasSize(2);
        for (String server : servers) {
            Map<String, String> env = env(services.get(server));
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")).containsExactly("kafka-1:9092", "kafka-2:9092", "kafka-3:9092");
            assertThat(env.get("MONGODB_URI")).startsWith("mongodb://mongo-1:27017,mongo-2:27017,mongo-3:27017/")
                    .contains("replicaSet=rs0").contains("w=majority");
            assertThat(env).containsEntry("AIRLINES_KAFKA_REPLICATION_FACTOR", "3").containsEntry("AIRLINES_BIND", "0.0.0.0");
            assertThat(env.get("AIRLINES_API_KEY")).as("the key comes from the operator, never from the file")
                    .startsWith("${AIRLINES_API_KEY:?");
            assertThat(String.valueOf(services.get(server).get("ports"))).startsWith("[127.0.0.1:");
        }
        assertThat(Files.exists(Path.of("deploy", "Dockerfile"))).isTrue();
    }

    @Test
    void every_setting_given_to_the_servers_is_one_the_server_reads() throws IOException {
        // The README's table lists exactly the variables the server reads (ConfigurationTableTest).
        Set<String> known = new HashSet<>(ConfigurationTableTest.readmeDefaults().keySet());
        Map<String, Map<String, Object>> services = services();
        for (String server : List.of("airlines-1", "airlines-2")) {
            assertThat(known).as("variables the server reads").containsAll(env(services.get(server)).keySet());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> compose = yaml.load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(Map<String, Object> service) {
        return ((Map<String, Object>) service.get("environment")).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }
}
