package io.airlines;

import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.function.ToIntFunction;

import io.airlines.config.ClassDataTraining;
import io.airlines.config.StartupFailure;
import io.airlines.etl.EtlCommand;
import io.airlines.ingest.SimulateCommand;
import io.airlines.lufthansa.fake.FakeLufthansaCommand;
import io.airlines.stream.NativeLz4;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        NativeLz4.prefer();
        String command = args.length == 0 || args[0].startsWith("-") ? "start" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("-") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "start" -> startServer(rest);
            case "class-data-training" -> startServer(ClassDataTraining.serverArguments(rest));
            case "simulate" -> System.exit(SimulateCommand.run(rest));
            case "etl" -> System.exit(EtlCommand.run(rest));
            case "fake-lufthansa" -> System.exit(FakeLufthansaCommand.run(rest));
            default -> System.exit(contributed(command, rest));
        }
    }

    private static int contributed(String command, String[] args) {
        for (Commands commands : ServiceLoader.load(Commands.class)) {
            ToIntFunction<String[]> run = commands.byName().get(command);
            if (run != null) {
                return run.applyAsInt(args);
            }
        }
        System.err.println("airlines: unknown command '" + command + "'; run ./airlines help");
        return 2;
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
