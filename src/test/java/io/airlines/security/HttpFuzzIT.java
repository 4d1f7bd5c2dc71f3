package io.airlines.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile HTTP against every endpoint the server has (read from its OpenAPI document and its
 * request mappings, so endpoints added later are covered too): random and boundary parameters,
 * wrong methods and content types, NoSQL operators, path traversal, header injection, huge
 * headers and a 100 MB body. Nothing may answer 5xx or show a stack trace, and the server must be
 * healthy afterwards. Seeded, bounded in count and time, loopback only.
 */
class HttpFuzzIT extends IntegrationTest {

    private static final long SEED = 20261126L;
    private static final int REQUESTS_PER_ENDPOINT = 8;
    private static final int MAX_REQUESTS = 2500;
    private static final long BUDGET_MILLIS = 30_000;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern LEAK = Pattern.compile(
            "\\tat [a-z]|Caused by:|Whitelabel|(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final List<String> failures = new ArrayList<>();
    private final FuzzValues fuzz = new FuzzValues(SEED);
    private int requests;
    private long deadline;
    private long last = System.nanoTime();

    @Test
    void no_input_makes_any_endpoint_fail_or_leak_and_the_server_stays_up() {
        deadline = System.currentTimeMillis() + BUDGET_MILLIS;
        Endpoints endpoints = Endpoints.discover(Http.get(url("/v3/api-docs")).body(), mappings);
        assertThat(endpoints.all()).extracting(Endpoints.Endpoint::template).contains("/", "/v3/api-docs");

        // Round-robin, so that a slow machine running out of budget still covered every endpoint.
        for (int round = 0; round < REQUESTS_PER_ENDPOINT && budgetLeft(); round++) {
            for (Endpoints.Endpoint endpoint : endpoints.all()) {
                randomRequest(endpoint);
            }
        }
        endpoints.all().stream().filter(Endpoints.Endpoint::hasBody).limit(3)
                .forEach(e -> hugeBody(fill(e.template())));
        hugeBody("/api/v1/positions");
        everyContentTypeWithAndWithoutBody(endpoints);
        everyExtremeValueInEveryQueryParameter(endpoints);
        traversal();
        malformedRequests();

        System.out.printf("http fuzz: %d endpoints, %d requests, seed %d, %d failures%n",
                endpoints.all().size(), requests, SEED, failures.size());
        assertThat(failures).as("requests that failed or leaked internals (seed %d)", SEED).isEmpty();
        assertThat(requests).isGreaterThan(endpoints.all().size() * 2);
        assertThat(Http.get(url("/actuator/health")).body()).endsWith("\"status\":\"UP\"}");
    }

    private void randomRequest(Endpoints.Endpoint endpoint) {
        String method = fuzz.chance(70) ? fuzz.pick(List.copyOf(endpoint.methods())) : fuzz.pick(METHODS);
        StringBuilder target = new StringBuilder(fill(endpoint.template()));
        char separator = '?';
        for (Endpoints.Param param : endpoint.params()) {
            if (param.in().equals("query") && fuzz.chance(70)) {
                target.append(separator).append(param.name()).append('=').append(fuzz.encoded(param.type()));
                separator = '&';
            }
        }
        if (fuzz.chance(30)) {
            target.append(separator).append(fuzz.pick(FuzzValues.NOSQL_PARAMS));
        }
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1");
        if (fuzz.chance(30)) {
            head.append("\r\nAccept: ").append(fuzz.pick(List.of("application/xml", "text/event-stream", "*/*",
                    "application/json;q=0", "image/png", "garbage/")));
        }
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("TRACE")) {
            String type = fuzz.pick(FuzzValues.CONTENT_TYPES);
            if (!type.isEmpty()) {
                head.append("\r\nContent-Type: ").append(type);
            }
            body = fuzz.pick(FuzzValues.BODIES).getBytes(StandardCharsets.UTF_8);
        }
        check(head.toString(), RawHttp.exchange(port, head.toString(), body), false);
    }

    /** Random picks may miss a pair on a given run; these are cheap enough to try every time. */
    private void everyContentTypeWithAndWithoutBody(Endpoints endpoints) {
        for (Endpoints.Endpoint endpoint : endpoints.all()) {
            if (!endpoint.hasBody()) {
                continue;
            }
            String method = endpoint.methods().stream().filter(m -> !m.equals("GET") && !m.equals("HEAD"))
                    .findFirst().orElseThrow();
            for (String type : FuzzValues.CONTENT_TYPES) {
                for (String body : List.of("", "{}")) {
                    String head = method + " " + fill(endpoint.template()) + " HTTP/1.1"
                            + (type.isEmpty() ? "" : "\r\nContent-Type: " + type);
                    check(head, RawHttp.exchange(port, head, body.getBytes(StandardCharsets.UTF_8)), false);
                }
            }
        }
    }

    /** Dates and numbers at and past the ends of what Java's types hold, each in every query parameter alone. */
    private void everyExtremeValueInEveryQueryParameter(Endpoints endpoints) {
        for (Endpoints.Endpoint endpoint : endpoints.all()) {
            if (!endpoint.methods().contains("GET")) {
                continue;
            }
            for (Endpoints.Param param : endpoint.params()) {
                if (!param.in().equals("query")) {
                    continue;
                }
                for (String value : FuzzValues.EXTREMES) {
                    String head = "GET " + fill(endpoint.template()) + "?" + param.name() + "="
                            + URLEncoder.encode(value, StandardCharsets.UTF_8) + " HTTP/1.1";
                    check(head, RawHttp.exchange(port, head, null), false);
                }
            }
        }
    }

    private String fill(String template) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = Pattern.compile("\\{[^}]+}").matcher(template);
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(fuzz.encoded("string")));
        }
        m.appendTail(out);
        return out.toString().replace("/**", "/x");
    }

    private void hugeBody(String path) {
        String head = "POST " + path + " HTTP/1.1\r\nContent-Type: application/x-ndjson";
        RawHttp.Response response = RawHttp.streamBody(port, head, 100L * 1024 * 1024);
        requests++;
        if (response.status() != 413) {
            failures.add(head + " with 100 MB -> " + response.status() + " (expected 413)");
        }
    }

    private void traversal() {
        for (String path : List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/css/..%2f..%2fapplication.yml",
                "/css/%2e%2e/%2e%2e/application.yml", "/css/../../application.yml", "/..;/actuator/env",
                "/actuator;/env", "/actuator/%65nv", "/api/v1/..%5c..%5cetc%5cpasswd", "/WEB-INF/web.xml",
                "/BOOT-INF/classes/application.yml", "/application.yml", "/.git/config", "//etc/passwd",
                "/css/%252e%252e/%252e%252e/application.yml", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                "/templates/home.html", "/META-INF/MANIFEST.MF")) {
            String head = "GET " + path + " HTTP/1.1";
            RawHttp.Response response = check(head, RawHttp.exchange(port, head, null), true);
            if (response.body().contains("root:x:0:0") || response.body().contains("api-key:")
                    || response.body().contains("[core]") || response.body().contains("th:text")) {
                failures.add(head + " -> served a file it must not: " + snippet(response.body()));
            }
        }
    }

    private void malformedRequests() {
        List<String> heads = List.of(
                "GET /?a=1 HTTP/1.1\r\nX-A: b\rSet-Cookie: injected=1",
                "GET /%0d%0aSet-Cookie:%20injected=1 HTTP/1.1",
                "GET /api/v1/x%0d%0aSet-Cookie:%20injected=1 HTTP/1.1",
                "GET / HTTP/1.1\r\nX-Big: " + "a".repeat(64 * 1024),
                "GET / HTTP/1.1" + "\r\nX-Many: ".repeat(1) + "\r\nX-H: v".repeat(2000),
                "GET /" + "a".repeat(100_000) + " HTTP/1.1",
                "GET /?" + "a=1&".repeat(20_000) + " HTTP/1.1",
                "FOO / HTTP/1.1",
                "GET / HTTP/9.9",
                "GET /\u00ff\u00fe HTTP/1.1",
                "GET / HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example",
                "GET / HTTP/1.1\r\nContent-Length: -1",
                "GET / HTTP/1.1\r\nCookie: " + "c=".repeat(3000),
                "GET / HTTP/1.1\r\nAccept-Language: " + "fr;q=0.".repeat(1000));
        String smuggling = "POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked";
        check(smuggling, RawHttp.exchange(port, smuggling, "0\r\n\r\n".getBytes()), true);
        for (String head : heads) {
            RawHttp.Response response = check(head, RawHttp.exchange(port, head, null), true);
            String headers = response.head().toLowerCase();
            if (headers.contains("set-cookie: injected") || headers.contains("\nx-injected")) {
                failures.add(shorten(head) + " -> injected a header into the response");
            }
            if (response.body().contains("Apache Tomcat")) {
                failures.add(shorten(head) + " -> names the server software: " + snippet(response.body()));
            }
        }
    }

    private RawHttp.Response check(String request, RawHttp.Response response, boolean malformedAllowedToClose) {
        requests++;
        long now = System.nanoTime();
        if (now - last > 500_000_000L) {
            System.out.printf("slow (%d ms): %s%n", (now - last) / 1_000_000, shorten(request));
        }
        last = now;
        // 505 is the protocol's correct answer to an HTTP version nobody speaks, not a server failure.
        boolean serverError = response.status() >= 500 && response.status() != 505;
        if (serverError || (response.status() < 0 && !malformedAllowedToClose)) {
            failures.add(shorten(request) + " -> " + response.status() + " " + snippet(response.body()));
        } else if (LEAK.matcher(response.body()).find() || LEAK.matcher(response.head()).find()) {
            failures.add(shorten(request) + " -> leaked internals: " + snippet(response.body()));
        }
        return response;
    }

    private boolean budgetLeft() {
        return requests < MAX_REQUESTS && System.currentTimeMillis() < deadline;
    }

    private static String shorten(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private static String snippet(String body) {
        java.util.regex.Matcher leak = LEAK.matcher(body);
        int at = leak.find() ? Math.max(0, leak.start() - 80) : 0;
        return shorten(body.substring(at, Math.min(body.length(), at + 300)));
    }
}
