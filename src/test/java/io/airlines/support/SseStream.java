package io.airlines.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Server-Sent Events connection read on a background thread: named events and comments are
 * collected as they arrive, for a test to wait on with Awaitility.
 */
public final class SseStream implements AutoCloseable {

    /** A named event with its data and its id (null when it has none). */
    public record Event(String name, String data, String id) {
    }

    private final InputStream body;
    private final BufferedReader reader;
    private final int status;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();

    private SseStream(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        Thread t = new Thread(this::read, "test-sse-reader");
        t.setDaemon(true);
        t.start();
    }

    public static SseStream open(String url) {
        return open(HttpRequest.newBuilder(URI.create(url)));
    }

    /** Reconnects as a browser does after a drop: with the id of the last event it received. */
    public static SseStream resume(String url, String lastEventId) {
        return open(HttpRequest.newBuilder(URI.create(url)).header("Last-Event-ID", lastEventId));
    }

    private static SseStream open(HttpRequest.Builder request) {
        try {
            return new SseStream(HttpClient.newHttpClient().send(request.header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(name, data.toString(), id));
                    name = "message";
                    id = null;
                    data.setLength(0);
                }
            }
        } catch (IOException closed) {
            // the test closed the stream, or the server ended it
        }
    }

    public int status() {
        return status;
    }

    public List<Event> events() {
        return events;
    }

    public List<Event> events(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    public List<String> comments() {
        return comments;
    }

    @Override
    public void close() throws IOException {
        // The stream, not the reader: the reader's lock is held by the thread blocked reading it.
        body.close();
    }
}
