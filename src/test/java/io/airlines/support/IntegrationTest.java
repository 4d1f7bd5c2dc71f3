package io.airlines.support;

import io.airlines.Application;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of in-JVM integration tests: the whole application on the embedded broker and store, real
 * HTTP on a random port. Keep the configuration identical in subclasses (no extra properties, no
 * mocks) so that every test shares the one cached context and its broker.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void embeddedStack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
