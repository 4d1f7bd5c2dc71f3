package io.airlines;

import java.util.Arrays;

import io.airlines.bench.BenchCommand;
import io.airlines.bench.SinkContenderRun;
import io.airlines.config.StartupFailure;
import io.airlines.etl.EtlCommand;
import io.airlines.ingest.SimulateCommand;
import io.airlines.lufthansa.fake.FakeLufthansaCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("-") ? "start" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("-") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "start" -> startServer(rest);
            case "bench" -> System.exit(BenchCommand.run(rest));
            case SinkContenderRun.COMMAND -> System.exit(SinkContenderRun.child(rest));
            case "simulate" -> System.exit(SimulateCommand.run(rest));
            case "etl" -> System.exit(EtlCommand.run(rest));
            case "fake-lufthansa" -> System.exit(FakeLufthansaCommand.run(rest));
            default -> {
                System.err.println("airlines: unknown command '" + command + "'; run ./airlines help");
                System.exit(2);
            }
        }
    }

    static void startServer(String[] args) {
        try {
            SpringApplication.run(Application.class, args);
        } catch (Throwable e) {
            System.err.println("airlines: cannot start: " + StartupFailure.describe(e));
            // A half-started broker leaves non-daemon threads behind: never hang after a failed start.
            System.exit(1);
        }
    }
}
