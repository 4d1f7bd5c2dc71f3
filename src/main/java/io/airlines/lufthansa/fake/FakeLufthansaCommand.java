package io.airlines.lufthansa.fake;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./airlines fake-lufthansa [--faults]}: serves the fake Lufthansa API on a loopback port
 * until stopped, to try the ETL without credentials. Prints the settings to start the server with.
 */
public final class FakeLufthansaCommand {

    private FakeLufthansaCommand() {
    }

    public static void run(String[] args) {
        boolean faults = args.length > 0 && args[0].equals("--faults");
        String secret = "fake-secret";
        try {
            FakeLufthansaApi api = new FakeLufthansaApi(secret, faults ? FakeOptions.hostile(0) : FakeOptions.polite());
            System.out.println("Fake Lufthansa API at " + api.baseUrl() + (faults ? " (with faults)" : "")
                    + "; start the server with:");
            System.out.println("  LUFTHANSA_BASE_URL=" + api.baseUrl() + " LUFTHANSA_CLIENT_ID=" + FakeLufthansaApi.CLIENT_ID
                    + " LUFTHANSA_CLIENT_SECRET=" + secret + " ./airlines start");
            Runtime.getRuntime().addShutdownHook(new Thread(api::close));
            new CountDownLatch(1).await();
        } catch (IOException e) {
            System.err.println("fake-lufthansa: cannot start: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
