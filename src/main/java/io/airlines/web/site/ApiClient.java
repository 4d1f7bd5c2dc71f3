package io.airlines.web.site;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages are clients of this server's own public REST API (over loopback), exactly as the
 * browser and third parties are: the page layer depends on the JSON contracts, not on the
 * internals of the batch or stream features.
 */
@Component
public class ApiClient implements ApplicationListener<WebServerInitializedEvent> {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json;
    private volatile int port;

    public ApiClient(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** GET {@code path?params}; a 4xx answer is returned as a {@link Reply} with its problem detail. */
    public <T> Reply<T> get(String path, Map<String, String> params, Class<T> type) {
        String query = params.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create("http://127.0.0.1:" + port + path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return new Reply<>(status, json.readValue(response.body(), type), null, null);
            }
            return problem(status, response.body());
        } catch (IOException e) {
            throw new ApiUnavailableException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnavailableException(path, e);
        }
    }

    private <T> Reply<T> problem(int status, String body) {
        try {
            JsonNode node = json.readTree(body);
            return new Reply<>(status, null, text(node, "detail"), text(node, "field"));
        } catch (RuntimeException notJson) {
            return new Reply<>(status, null, null, null);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    public static Map<String, String> params(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** An answer of the API: the body when 200, else the status and the problem's detail and field. */
    public record Reply<T>(int status, T body, String detail, String field) {
        public boolean ok() {
            return status == 200;
        }

        public Optional<T> value() {
            return Optional.ofNullable(body);
        }
    }

    /** The API did not answer at all (the server is shutting down, or a call timed out). */
    public static class ApiUnavailableException extends RuntimeException {
        ApiUnavailableException(String path, Exception cause) {
            super("the API " + path + " did not answer: " + cause.getMessage(), cause);
        }
    }
}
