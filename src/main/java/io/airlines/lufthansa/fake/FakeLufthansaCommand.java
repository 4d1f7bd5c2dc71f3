package io.airlines.lufthansa.fake;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./airlines fake-lufthansa}: serves the fake Lufthansa API on a loopback port until
 * stopped, to try the ETL without credentials. Prints the settings to start the server with.
 */
@Command(name = "fake-lufthansa", mixinStandardHelpOptions = true,
        description = "Serve a local stand-in for the Lufthansa Open API, for demos without credentials.")
public final class FakeLufthansaCommand implements Callable<Integer> {

    @Option(names = "--faults", description = "answer like the real API on a bad day: 5xx, timeouts, truncated bodies, 403 bursts")
    boolean faults;

    public static int run(String[] args) {
        return new CommandLine(new FakeLufthansaCommand()).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        String secret = "fake-secret";
        try {
            FakeLufthansaApi api = new FakeLufthansaApi(secret, faults ? FakeOptions.hostile(0) : FakeOptions.polite());
            System.out.println("Fake Lufthansa API at " + api.baseUrl() + (faults ? " (with faults)" : "")
                    + "; start the server with:");
            System.out.println("  LUFTHANSA_BASE_URL=" + api.baseUrl() + " LUFTHANSA_CLIENT_ID=" + FakeLufthansaApi.CLIENT_ID
                    + " LUFTHANSA_CLIENT_SECRET=" + secret + " ./airlines start");
            Runtime.getRuntime().addShutdownHook(new Thread(api::close));
            new CountDownLatch(1).await();
            return 0;
        } catch (IOException e) {
            System.err.println("fake-lufthansa: cannot start: " + e.getMessage());
            return 1;
        }
    }
}
