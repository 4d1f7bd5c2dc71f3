package io.airlines.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * What a page on another site can make the user's browser send to the server on loopback: requests
 * under a rebinding domain's name, writes with a foreign {@code Origin}, and the CORS "simple"
 * content types a browser sends without asking. None may get through; the server's own pages and
 * programs (no {@code Origin}) still may.
 */
class CrossSiteRequestIT extends IntegrationTest {

    private static final String POSITION = "{\"key\":\"XSITE1\",\"lat\":48.1,\"lon\":2.3,\"time\":%d}\n";

    @Test
    void a_rebinding_domain_in_host_is_refused_for_pages_and_api_alike() {
        for (String path : new String[] {"/", "/api/v1/live", "/actuator/health"}) {
            RawHttp.Response rebound = RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: attacker.example:" + port, null);
            assertThat(rebound.status()).as(path).isEqualTo(421);
            assertThat(rebound.header("Content-Type")).startsWith("application/problem+json");
            assertThat(rebound.body()).contains("\"field\":\"Host\"").contains("AIRLINES_ALLOWED_HOSTS");
        }
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST"}) {
            assertThat(RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: " + host, null).status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void a_write_from_a_foreign_page_is_refused_and_the_same_write_from_a_program_is_accepted() {
        String body = POSITION.formatted(System.currentTimeMillis());
        HttpResponse<String> foreign = post("/api/v1/positions", "application/x-ndjson", body, "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("\"field\":\"Origin\"");
        assertThat(post("/api/v1/positions", "application/x-ndjson", body, "Sec-Fetch-Site", "cross-site").statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/positions", "application/x-ndjson", body, "Origin", "http://localhost:1").statusCode())
                .as("another port is another origin").isEqualTo(403);
        assertThat(post("/references", "application/json", "", "Origin", "null").statusCode()).isEqualTo(403);

        assertThat(post("/api/v1/positions", "application/x-ndjson", body, "Origin", "http://127.0.0.1:" + port)
                .statusCode()).as("the server's own page").isEqualTo(202);
        assertThat(post("/api/v1/positions", "application/x-ndjson", body, "Sec-Fetch-Site", "same-origin").statusCode())
                .isEqualTo(202);
        assertThat(post("/api/v1/positions", "application/x-ndjson", body, "X-Tool", "curl").statusCode()).isEqualTo(202);
    }

    @Test
    void writes_carry_json_never_a_type_a_browser_sends_across_sites_without_asking() {
        String body = POSITION.formatted(System.currentTimeMillis());
        for (String simple : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> refused = post("/api/v1/positions", simple, body, "X-Tool", "curl");
            assertThat(refused.statusCode()).as(simple).isEqualTo(415);
            assertThat(refused.body()).contains("\"field\":\"Content-Type\"");
            assertThat(post("/references", simple, "x=1", "X-Tool", "curl").statusCode()).as(simple).isEqualTo(415);
        }
        RawHttp.Response untyped = RawHttp.exchange(port, "POST /api/v1/positions HTTP/1.1", body.getBytes());
        assertThat(untyped.status()).as("a body without a type").isEqualTo(415);
        RawHttp.Response cron = RawHttp.exchange(port, "POST /schedule?origin=FRA&destination=JFK HTTP/1.1", null);
        assertThat(cron.status()).as("the original cron script's bodiless POST").isNotIn(403, 415).isLessThan(500);
    }

    @Test
    void dates_beyond_what_epoch_milliseconds_hold_are_a_400_naming_the_field() {
        for (String from : new String[] {"%2B300000000-01-01T00:00:00Z", "-300000000-01-01T00:00:00Z", "1969-12-31T23:59:59Z"}) {
            HttpResponse<String> response = Http.get(url("/api/v1/flights/a0c5e1/track?from=" + from));
            assertThat(response.statusCode()).as(from).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"from\"");
        }
        assertThat(Http.get(url("/api/v1/flights/a0c5e1/track?to=%2B1000000000-12-31T23:59:59Z")).statusCode()).isEqualTo(400);
    }

    @Test
    void health_details_and_store_addresses_are_for_this_machine_only() {
        assertThat(Http.get(url("/actuator/health")).body()).contains("\"components\"").contains("\"mongo\"");
        HttpResponse<String> relayed = Http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                .header("X-Forwarded-For", "203.0.113.9"));
        assertThat(relayed.statusCode()).isEqualTo(200);
        assertThat(relayed.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "kafka",
                "mongo", "127.0.0.1");
        assertThat(Http.get(url("/about")).body()).contains("id=\"kafka-address\">127.0.0.1:");
        HttpResponse<String> about = Http.send(HttpRequest.newBuilder(URI.create(url("/about")))
                .header("X-Forwarded-For", "203.0.113.9"));
        assertThat(about.body()).doesNotContain("127.0.0.1:", "mongodb://").contains("with the API key");
    }

    private HttpResponse<String> post(String path, String type, String body, String header, String value) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", type).header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
