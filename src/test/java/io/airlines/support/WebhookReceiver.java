package io.airlines.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1, the one the shared test application posts its events to. It
 * accepts every POST, except that a test may ask it to refuse (500) the first few POSTs whose body
 * contains a marker of its own (a flight key), leaving other tests' events alone.
 */
public final class WebhookReceiver {

    public static final String SECRET = "webhook-secret-" + Long.toHexString(System.nanoTime());
    public static final WebhookReceiver SHARED = start();
    private static final int KEPT = 5_000;

    /** One POST as received: whether it was accepted, its signature header and its body. */
    public record Post(boolean accepted, String signature, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/hooks", this::receive);
        server.start();
    }

    private static WebhookReceiver start() {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next {@code times} POSTs whose body contains {@code marker} get 500. */
    public void refuse(String marker, int times) {
        refusals.put(marker, new AtomicInteger(times));
    }

    /** The POSTs received whose body contains {@code marker}, in order. */
    public List<Post> posts(String marker) {
        return posts.stream().filter(p -> p.text().contains(marker)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        boolean refused = refusals.entrySet().stream()
                .anyMatch(r -> text.contains(r.getKey()) && r.getValue().getAndDecrement() > 0);
        if (posts.size() >= KEPT) {
            posts.remove(0);
        }
        posts.add(new Post(!refused, exchange.getRequestHeaders().getFirst("X-Airlines-Signature"), body));
        exchange.sendResponseHeaders(refused ? 500 : 204, -1);
        exchange.close();
    }
}
