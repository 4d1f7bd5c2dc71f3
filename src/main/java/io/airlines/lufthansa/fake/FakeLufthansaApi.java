package io.airlines.lufthansa.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.airlines.config.Pause;
import io.airlines.lufthansa.ReferenceList;
import io.airlines.reference.OfflineReference;
import io.airlines.reference.ReferenceKind;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the Lufthansa Open API on 127.0.0.1, serving the shipped reference set in the
 * API's shapes with the real quirks (a list of one as an object, numeric codes, names as
 * {@code @LanguageCode}/{@code $}, airports without position, paging by {@code Meta.Link} and
 * {@code TotalCount}) and the real failures ({@link FakeOptions}): expiring tokens, 403 over-QPS,
 * 5xx, truncated bodies, the schedule 404 business error. For tests, benchmarks and demos.
 */
public final class FakeLufthansaApi implements AutoCloseable {

    public static final String CLIENT_ID = "fake-client";

    /** Below the client's tries (5 by default), so that the hostile fake slows a run but cannot fail it. */
    static final int MAX_FAULTS_IN_A_ROW = 2;

    private final String clientSecret;
    private final FakeOptions options;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<ReferenceKind, List<Document>> data;
    private final Set<String> airports;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<String, Integer> tokenUses = new ConcurrentHashMap<>();
    /** Faults injected into the latest tries of a request (by URI); see {@link #fault}. */
    private final Map<String, Integer> faultsInARow = new ConcurrentHashMap<>();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final AtomicLong apiRequests = new AtomicLong();
    private final AtomicLong allRequests = new AtomicLong();
    private final AtomicLong rejectedOverLimit = new AtomicLong();
    private final AtomicLong injectedOverQps = new AtomicLong();
    private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
    private final ArrayDeque<Long> lastHour = new ArrayDeque<>();
    private int maxInAnySecond;
    private volatile CountDownLatch released = new CountDownLatch(0);
    private volatile boolean outage;

    public FakeLufthansaApi(String clientSecret, FakeOptions options) throws IOException {
        this.clientSecret = clientSecret;
        this.options = options;
        this.data = new EnumMap<>(ReferenceKind.class);
        Map<ReferenceKind, List<Document>> full = OfflineReference.load();
        full.forEach((kind, docs) -> data.put(kind,
                options.itemsPerList() > 0 ? docs.subList(0, Math.min(docs.size(), options.itemsPerList())) : docs));
        // Schedules know every airport and city, whatever part of the lists is served.
        this.airports = new HashSet<>();
        full.get(ReferenceKind.AIRPORTS).forEach(a -> airports.add(a.getString("airport_code")));
        full.get(ReferenceKind.CITIES).forEach(c -> airports.add(c.getString("city_code")));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Items served by a list (after {@code itemsPerList}). */
    public List<Document> items(ReferenceKind kind) {
        return data.get(kind);
    }

    /** Requests to the API paths (token requests included). */
    public long requests() {
        return allRequests.get();
    }

    /** 403/429 answered because the client went over the limits (not counting injected ones). */
    public long rejectedOverLimit() {
        return rejectedOverLimit.get();
    }

    public long injectedOverQps() {
        return injectedOverQps.get();
    }

    /** The most requests seen within any one-second window. */
    public synchronized int maxRequestsInAnySecond() {
        return maxInAnySecond;
    }

    public int tokensIssued() {
        return tokenCounter.get();
    }

    /** Until {@link #release()}, requests wait unanswered, as behind a stalled upstream: a job stays running. */
    public void hold() {
        released = new CountDownLatch(1);
    }

    public void release() {
        released.countDown();
    }

    /** Until {@link #endOutage()}, every request answers 503, as when the API is down. */
    public void startOutage() {
        outage = true;
    }

    public void endOutage() {
        outage = false;
    }

    /** Whether the fake has flights from origin to destination (others answer the 404 business error). */
    public static boolean hasSchedule(String origin, String destination) {
        return Math.floorMod((origin + destination).hashCode(), 3) != 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            allRequests.incrementAndGet();
            released.await();
            if (outage) {
                send(exchange, 503, "<html>Service Unavailable</html>");
                return;
            }
            boolean over = overLimit();
            if (options.latencyMillis() > 0) {
                Pause.of(Duration.ofMillis(options.latencyMillis()));
            }
            String path = exchange.getRequestURI().getPath().substring("/v1".length());
            if (over) {
                rejectedOverLimit.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 403, "{\"Error\":\"Developer Over Qps\"}");
                return;
            }
            if (path.equals("/oauth/token") && exchange.getRequestMethod().equals("POST")) {
                token(exchange);
                return;
            }
            long n = apiRequests.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
            Long expiry = tokens.get(token);
            boolean usedUp = options.revokeTokenEvery() > 0
                    && tokenUses.merge(token, 1, Integer::sum) > options.revokeTokenEvery();
            if (expiry == null || expiry < System.currentTimeMillis() || usedUp) {
                tokens.remove(token);
                send(exchange, 401, "{\"Error\":\"Not Authorized\"}");
                return;
            }
            if (every(options.overQpsEvery(), n)) {
                injectedOverQps.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 403, "{\"Error\":\"Developer Over Qps\"}");
                return;
            }
            String request = exchange.getRequestURI().toString();
            if (fault(options.serverErrorEvery(), n, request)) {
                send(exchange, 503, "<html>Service Unavailable</html>");
                return;
            }
            String body;
            int status = 200;
            if (path.startsWith("/mds-references/")) {
                body = referencePage(path.substring("/mds-references/".length()), query(exchange));
            } else if (path.startsWith("/operations/schedules/")) {
                String[] p = path.substring("/operations/schedules/".length()).split("/");
                if (p.length < 3 || !hasSchedule(p[0], p[1]) || !airports.contains(p[0]) || !airports.contains(p[1])) {
                    status = 404;
                    body = "{\"ProcessingErrors\":{\"ProcessingError\":{\"@RetryIndicator\":\"false\",\"Type\":\"BusinessError\","
                            + "\"Code\":\"404\",\"Description\":\"Flight not found\"}}}";
                } else {
                    body = schedule(p[0], p[1], LocalDate.parse(p[2]));
                }
            } else {
                status = 404;
                body = "{\"Error\":\"Not Found\"}";
            }
            if (status == 200 && fault(options.truncateEvery(), n, request)) {
                body = body.substring(0, body.length() / 2);
            } else {
                faultsInARow.remove(request);
            }
            send(exchange, status, body);
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"Error\":\"" + e.getClass().getSimpleName() + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the n-th request gets the fault injected every k-th. Counted over all requests, an
     * intermittent fault could hit every retry of one request when several run at once; the real API
     * fails now and then, not one request five times running. A fault on every request (k = 1) is a
     * dependency that is down, and stays so.
     */
    private boolean fault(int k, long n, String request) {
        if (!every(k, n) || k > 1 && faultsInARow.getOrDefault(request, 0) >= MAX_FAULTS_IN_A_ROW) {
            return false;
        }
        faultsInARow.merge(request, 1, Integer::sum);
        return true;
    }

    private static boolean every(int k, long n) {
        return k > 0 && n % k == 0;
    }

    private synchronized boolean overLimit() {
        long now = System.nanoTime();
        while (!lastSecond.isEmpty() && lastSecond.peekFirst() <= now - 1_000_000_000L) {
            lastSecond.removeFirst();
        }
        while (!lastHour.isEmpty() && lastHour.peekFirst() <= now - 3_600_000_000_000L) {
            lastHour.removeFirst();
        }
        lastSecond.addLast(now);
        lastHour.addLast(now);
        maxInAnySecond = Math.max(maxInAnySecond, lastSecond.size());
        // A rejected call still counts against the window, as on the real API.
        return (options.perSecond() > 0 && lastSecond.size() > options.perSecond())
                || (options.perHour() > 0 && lastHour.size() > options.perHour());
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!CLIENT_ID.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))
                || !"client_credentials".equals(form.get("grant_type"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = "fake-token-" + tokenCounter.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        tokens.put(token, System.currentTimeMillis() + options.tokenTtlSeconds() * 1000L);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + options.tokenTtlSeconds() + "}");
    }

    private String referencePage(String list, Map<String, String> query) {
        ReferenceList ref = ReferenceList.valueOf(list.toUpperCase());
        ReferenceKind kind = ReferenceKind.valueOf(ref.name());
        List<Document> all = data.get(kind);
        int limit = Math.min(100, Integer.parseInt(query.getOrDefault("limit", "20")));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        List<Object> items = new ArrayList<>();
        for (Document d : all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit))) {
            items.add(FakeShapes.item(kind, d));
        }
        List<Object> links = new ArrayList<>();
        links.add(Map.of("@Href", baseUrl() + "/mds-references/" + list + "?limit=" + limit + "&offset=" + offset, "@Rel", "self"));
        if (offset + limit < all.size()) {
            links.add(Map.of("@Href", baseUrl() + "/mds-references/" + list + "?limit=" + limit + "&offset="
                    + (offset + limit), "@Rel", "next"));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("@Version", "1.0.0");
        meta.put("Link", links);
        meta.put("TotalCount", all.size());
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put(ref.plural, Map.of(ref.item, FakeShapes.oneAsObject(items)));
        resource.put("Meta", meta);
        return json.writeValueAsString(Map.of(ref.resource, resource));
    }

    private String schedule(String origin, String destination, LocalDate date) {
        List<Object> journeys = FakeShapes.schedules(origin, destination, date);
        return json.writeValueAsString(Map.of("ScheduleResource", Map.of("Schedule", FakeShapes.oneAsObject(journeys))));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String q = exchange.getRequestURI().getRawQuery();
        return q == null ? Map.of() : parse(q);
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> out = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
