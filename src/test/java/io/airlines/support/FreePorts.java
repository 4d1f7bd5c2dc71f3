package io.airlines.support;

import java.util.HashSet;
import java.util.Set;

import io.airlines.bench.ServerProcess;

/** Loopback ports nobody listens on, never the same one twice in a JVM. */
public final class FreePorts {

    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = ServerProcess.freePort();
            if (handedOut.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port");
    }
}
