package io.airlines.bench.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system Chromium, headless, driven over the DevTools protocol with the JDK's own WebSocket
 * client: enough to open a page and evaluate expressions in it, with no browser-driver library in
 * the jar (Playwright's bundled drivers weigh about 200 MB).
 */
final class HeadlessChromium implements AutoCloseable {

    public static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--mute-audio",
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--window-size=1280,800");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts {@code executable} on {@code url} and connects to that page. */
    public static HeadlessChromium open(Path executable, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("airlines-chromium-");
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String page = pageSocket(profile.resolve("DevToolsActivePort"), process);
            Frames frames = new Frames();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(page), frames).get(10, TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
            frames.owner = chromium;
            return chromium;
        } catch (Exception e) {
            process.destroyForcibly();
            deleteQuietly(profile);
            throw new IOException("cannot drive " + executable + ": " + e.getMessage(), e);
        }
    }

    /** Evaluates a JavaScript expression (awaiting a promise) and returns its JSON value. */
    public JsonNode evaluate(String expression, Duration timeout) throws Exception {
        JsonNode reply = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true), timeout);
        JsonNode exception = reply.path("result").path("exceptionDetails");
        if (!exception.isMissingNode()) {
            throw new IllegalStateException("page error: " + exception.path("exception").path("description").asString(exception.toString()));
        }
        return reply.path("result").path("result").path("value");
    }

    /** Polls an expression until it is true. */
    public void waitFor(String expression, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!evaluate("!!(" + expression + ")", timeout).asBoolean(false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + expression);
            }
            evaluate("new Promise(r => setTimeout(r, 100))", timeout);
        }
    }

    private JsonNode call(String method, Map<String, Object> params, Duration timeout) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(json.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pending.remove(id);
        }
    }

    private void received(String message) {
        JsonNode node = json.readTree(message);
        if (node.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(node.get("id").asInt());
            if (answer != null) {
                answer.complete(node);
            }
        }
    }

    /** The page target's WebSocket address, once the browser has written its debugging port. */
    private static String pageSocket(Path portFile, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(portFile) && Files.size(portFile) > 0) {
                String port = Files.readAllLines(portFile).get(0).strip();
                String list = new String(URI.create("http://127.0.0.1:" + port + "/json/list").toURL().openStream().readAllBytes());
                for (JsonNode target : JsonMapper.builder().build().readTree(list)) {
                    if ("page".equals(target.path("type").asString())) {
                        return target.path("webSocketDebuggerUrl").asString();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(process.isAlive() ? "no DevTools port after 20 s" : "the browser exited");
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp profile left behind is harmless
        }
    }

    /** Collects text frames (which may come in parts) into whole protocol messages. */
    private static final class Frames implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (owner != null) {
                    owner.received(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
