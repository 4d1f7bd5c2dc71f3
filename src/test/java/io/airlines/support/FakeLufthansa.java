package io.airlines.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.airlines.lufthansa.fake.FakeLufthansaApi;
import io.airlines.lufthansa.fake.FakeOptions;

/** The fake Lufthansa API that the shared test application talks to, started once per JVM. */
public final class FakeLufthansa {

    public static final String SECRET = "test-secret-" + Long.toHexString(System.nanoTime());
    /** Small lists keep a reference run short; schedules know every airport. */
    public static final FakeLufthansaApi API = start();

    private FakeLufthansa() {
    }

    private static FakeLufthansaApi start() {
        try {
            return new FakeLufthansaApi(SECRET, FakeOptions.polite().withItemsPerList(120));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
