package io.airlines.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.RawHttp;
import org.junit.jupiter.api.Test;

class HttpHardeningIT extends IntegrationTest {

    private static final String FOREIGN = "https://evil.example";
    /** The policy the project promises (docs/reliability.md), written out here rather than read from the code. */
    private static final Map<String, String> PROMISED_POLICY = Map.of(
            "default-src", "'self'",
            "script-src", "'self'",
            "style-src", "'self'",
            "img-src", "'self' data: blob:",
            "connect-src", "'self'",
            "worker-src", "'self' blob:",
            "frame-ancestors", "'none'",
            "base-uri", "'self'",
            "form-action", "'self'");
    /** Swagger UI styles its elements inline; its scripts are still files from this server only. */
    private static final Map<String, String> PROMISED_SWAGGER_POLICY = Map.of(
            "default-src", "'self'",
            "script-src", "'self'",
            "style-src", "'self' 'unsafe-inline'",
            "img-src", "'self' data:",
            "connect-src", "'self'",
            "frame-ancestors", "'none'",
            "base-uri", "'self'",
            "form-action", "'self'");

    /** A policy header as directive name to its sources, so that the order of directives does not matter. */
    static Map<String, String> directives(String policy) {
        Map<String, String> out = new HashMap<>();
        for (String directive : policy.split(";")) {
            String[] parts = directive.trim().split("\\s+", 2);
            assertThat(out.put(parts[0], parts.length > 1 ? parts[1] : "")).as("directive %s given once", parts[0]).isNull();
        }
        return out;
    }

    @Test
    void pages_api_answers_and_errors_all_carry_the_security_headers() {
        for (String path : List.of("/", "/api/v1/does-not-exist", "/actuator/health", "/css/app.css", "/v3/api-docs")) {
            HttpResponse<String> response = Http.get(url(path));
            String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(directives(policy)).as(path).isEqualTo(PROMISED_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void only_swagger_ui_gets_inline_styles_and_still_no_inline_scripts() {
        HttpResponse<String> swagger = Http.get(url("/swagger-ui/index.html"));
        assertThat(swagger.statusCode()).isEqualTo(200);
        String policy = swagger.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(directives(policy)).isEqualTo(PROMISED_SWAGGER_POLICY);
    }

    @Test
    void pages_contain_no_inline_script_the_policy_would_block() {
        String home = Http.get(url("/")).body();
        assertThat(home).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContainPattern("\\son[a-z]+=\"");
    }

    @Test
    void a_foreign_origin_gets_no_cors_permission() {
        HttpResponse<String> get = Http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                .header("Origin", FOREIGN).GET());
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> preflight = Http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/positions")))
                .header("Origin", FOREIGN)
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertThat(preflight.statusCode()).isLessThan(500);
    }

    @Test
    void a_100_mb_body_is_refused_with_413_before_it_is_read() {
        long started = System.nanoTime();
        RawHttp.Response response = RawHttp.streamBody(port,
                "POST /api/v1/positions HTTP/1.1\r\nContent-Type: application/x-ndjson", 100L * 1024 * 1024);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("\"status\":413").contains("larger than 16777216 bytes");
        assertThat(millis).isLessThan(5_000);
        assertThat(response.bytesSent()).isLessThan(100L * 1024 * 1024);
    }

    @Test
    void an_ordinary_json_endpoint_takes_at_most_1_mib_and_position_batches_16_mib() {
        RawHttp.Response json = RawHttp.streamBody(port, "POST /api/v1/anything HTTP/1.1\r\nContent-Type: application/json",
                1024 * 1024 + 1);
        assertThat(json.status()).isEqualTo(413);
        RawHttp.Response batch = RawHttp.streamBody(port,
                "POST /api/v1/positions HTTP/1.1\r\nContent-Type: application/x-ndjson", 2 * 1024 * 1024);
        assertThat(batch.status()).isNotEqualTo(413).isLessThan(500);
    }

    @Test
    void a_wildcard_or_garbage_content_type_is_a_415_naming_the_header_even_without_a_body() {
        for (String type : List.of("*/*", "application/*", "garbage", "text/")) {
            for (String body : List.of("", "{}")) {
                RawHttp.Response response = RawHttp.exchange(port,
                        "POST /api/v1/positions HTTP/1.1\r\nContent-Type: " + type, body.getBytes());
                assertThat(response.status()).as("%s with body '%s'", type, body).isEqualTo(415);
                assertThat(response.body()).contains("\"field\":\"Content-Type\"");
            }
        }
        assertThat(ContentTypeCheck.acceptable("application/x-ndjson; charset=utf-8")).isTrue();
    }

    @Test
    void oversized_headers_are_refused_with_a_client_error() {
        RawHttp.Response response = RawHttp.exchange(port,
                "GET / HTTP/1.1\r\nX-Big: " + "a".repeat(64 * 1024), null);
        assertThat(response.status()).isBetween(400, 499);
    }

    @Test
    void actuator_exposes_health_and_prometheus_only() {
        assertThat(Http.get(url("/actuator/health")).statusCode()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/prometheus")).statusCode()).isEqualTo(200);
        for (String hidden : List.of("env", "env/airlines.api-key", "configprops", "beans", "heapdump", "threaddump",
                "loggers", "mappings", "metrics", "shutdown", "info", "conditions", "scheduledtasks", "caches")) {
            assertThat(Http.get(url("/actuator/" + hidden)).statusCode()).as(hidden).isEqualTo(404);
        }
        HttpResponse<String> index = Http.get(url("/actuator"));
        assertThat(index.body()).doesNotContain("\"env\"").doesNotContain("heapdump");
    }
}
