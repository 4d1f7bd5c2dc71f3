package io.airlines.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Checks a loopback port before an embedded service binds it, to fail with a useful message. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /** True for a loopback address or a name that resolves to one; false for null, blank or unknown. */
    public static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A loopback port free at the time of the call, for a process that starts its services on spare ports. */
    public static int free() {
        return free(1)[0];
    }

    /**
     * {@code count} different loopback ports free at the time of the call: each is held until all
     * are chosen, since ports asked for one after the other may be the same (the broker's two
     * listeners once got one port between them).
     */
    public static int[] free(int count) {
        ServerSocket[] held = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                held[i] = new ServerSocket();
                held[i].bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Only a probe: nothing was accepted on it.
            }
        }
    }

    public static void requireFree(int port, String what, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new StartupException(what + " port 127.0.0.1:" + port
                    + " is already in use; set " + setting + " to a free port");
        }
    }
}
