package io.airlines;

import io.airlines.config.StartupFailure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        try {
            SpringApplication.run(Application.class, args);
        } catch (Throwable e) {
            System.err.println("airlines: cannot start: " + StartupFailure.describe(e));
            // A half-started broker leaves non-daemon threads behind: never hang after a failed start.
            System.exit(1);
        }
    }
}
