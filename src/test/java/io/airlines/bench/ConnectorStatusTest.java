package io.airlines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** What the bench reads from a Kafka Connect worker's {@code /connectors/{name}/status}. */
class ConnectorStatusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_failed_task_is_named_with_its_trace() throws Exception {
        String status = """
                {"name":"mongo-sink-bench_latency-connector_latency",
                 "connector":{"state":"RUNNING","worker_id":"127.0.0.1:8083"},
                 "tasks":[{"id":0,"state":"RUNNING","worker_id":"127.0.0.1:8083"},
                          {"id":1,"state":"FAILED","worker_id":"127.0.0.1:8083",
                           "trace":"org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception."}],
                 "type":"sink"}
                """;
        assertThat(MongoSinkConnectorRun.failedTasks(JSON.readTree(status)))
                .isEqualTo("task 1: org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to"
                        + " unrecoverable exception.\n");
    }

    @Test
    void running_tasks_and_a_connector_not_yet_started_are_no_failure() throws Exception {
        assertThat(MongoSinkConnectorRun.failedTasks(JSON.readTree("""
                {"name":"s","connector":{"state":"RUNNING"},"tasks":[{"id":0,"state":"RUNNING"},{"id":1,"state":"UNASSIGNED"}]}
                """))).isEmpty();
        assertThat(MongoSinkConnectorRun.failedTasks(JSON.readTree("{\"error_code\":404}"))).isEmpty();
    }
}
