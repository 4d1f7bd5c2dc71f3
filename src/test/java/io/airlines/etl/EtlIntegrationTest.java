package io.airlines.etl;

import io.airlines.support.FakeLufthansa;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tests of the ETL jobs on the shared application: each starts with no run waiting, and leaves the
 * fake Lufthansa API answering and the queue empty for the next.
 */
abstract class EtlIntegrationTest extends IntegrationTest {

    @Autowired
    JsonMapper json;

    EtlRuns etl;

    @BeforeEach
    void idle() {
        EtlIdle.waitFor(this::url);
        etl = new EtlRuns(this::url);
    }

    @AfterEach
    void releaseTheFake() {
        FakeLufthansa.API.release();
        FakeLufthansa.API.endOutage();
        EtlIdle.waitFor(this::url);
    }
}
