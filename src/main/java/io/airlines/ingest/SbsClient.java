package io.airlines.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.airlines.config.Pause;
import io.airlines.stream.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one SBS-1 feed (dump1090/readsb port 30003): reads lines, merges them per aircraft,
 * hands out positions; malformed lines are counted and skipped; a lost or refused connection is
 * retried with backoff up to 30 s, forever, until closed.
 */
final class SbsClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SbsClient.class);

    private final String host;
    private final int port;
    private final Consumer<Position> out;
    private final SbsTracker tracker = new SbsTracker();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Socket socket;

    public SbsClient(String host, int port, Consumer<Position> out) {
        this.host = host;
        this.port = port;
        this.out = out;
        this.thread = new Thread(this::run, "airlines-sbs-" + host + ":" + port);
        this.thread.setDaemon(true);
    }

    /** Parses {@code host:port}. */
    public static SbsClient of(String feed, Consumer<Position> out) {
        int colon = feed.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("SBS feed '" + feed + "' must be host:port (AIRLINES_SBS_FEEDS)");
        }
        return new SbsClient(feed.substring(0, colon).trim(), Integer.parseInt(feed.substring(colon + 1).trim()), out);
    }

    public SbsClient start() {
        thread.start();
        return this;
    }

    private void run() {
        long backoff = 1000;
        while (running) {
            try (Socket s = new Socket()) {
                socket = s;
                s.connect(new InetSocketAddress(host, port), 5000);
                s.setSoTimeout(60_000);
                connections.incrementAndGet();
                log.info("SBS feed {}:{} connected", host, port);
                backoff = 1000;
                read(new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                if (running) {
                    log.warn("SBS feed {}:{} unavailable ({}); reconnecting in {} ms", host, port, e.getClass().getSimpleName(), backoff);
                }
            }
            if (running) {
                Pause.of(Duration.ofMillis(backoff));
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private void read(BufferedReader reader) throws IOException {
        String line;
        while (running && (line = reader.readLine()) != null) {
            lines.incrementAndGet();
            if (line.isBlank()) {
                continue;
            }
            SbsMessage m = SbsMessage.parse(line);
            if (m == null) {
                malformed.incrementAndGet();
                continue;
            }
            Position p = tracker.accept(m, System.currentTimeMillis());
            if (p != null) {
                out.accept(p);
            }
        }
    }

    public long lines() {
        return lines.get();
    }

    public long malformed() {
        return malformed.get();
    }

    public long connections() {
        return connections.get();
    }

    @Override
    public void close() {
        running = false;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                log.debug("closing SBS socket: {}", e.toString());
            }
        }
        thread.interrupt();
    }
}
