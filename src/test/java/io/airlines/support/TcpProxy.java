package io.airlines.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder that can cut the line: {@link #down()} drops every connection and
 * refuses new ones, {@link #up()} listens again on the same port. Makes a dependency unreachable
 * without touching it. {@link #freeze()} makes it hang instead: connections are still accepted and
 * read, but nothing goes through either way, as with a server that stopped answering;
 * {@link #thaw()} forwards again and drops the connections that lost bytes meanwhile (their
 * protocol cannot go on), as a client that timed out would have.
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Set<Socket> lostBytes = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean frozen;

    public TcpProxy(int target) {
        this.port = FreePorts.next();
        this.target = target;
        up();
    }

    public int port() {
        return port;
    }

    public synchronized void up() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
            daemon(() -> accept(socket), "tcp-proxy-accept-" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void down() {
        ServerSocket socket = listener;
        listener = null;
        closeQuietly(socket);
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    public void freeze() {
        frozen = true;
    }

    public void thaw() {
        frozen = false;
        for (Socket s : lostBytes) {
            closeQuietly(s);
        }
        lostBytes.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2000);
                open.add(client);
                open.add(upstream);
                daemon(() -> pump(client, upstream), "tcp-proxy-up-" + port);
                daemon(() -> pump(upstream, client), "tcp-proxy-down-" + port);
            } catch (IOException e) {
                // closed by down(), or the target refused: the client sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (frozen) {
                    lostBytes.add(from);
                    lostBytes.add(to);
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        down();
    }
}
