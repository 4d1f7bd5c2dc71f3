package io.airlines.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.airlines.stream.Canonical;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class WebhookIT extends IntegrationTest {

    private static final WebhookReceiver RECEIVER = WebhookReceiver.SHARED;

    @Test
    void an_event_refused_twice_is_posted_again_until_accepted_once_with_a_signature_that_verifies(CapturedOutput output)
            throws Exception {
        String key = TestKafka.uniqueKey("WH");
        String event = key + "-emergency";
        RECEIVER.refuse(event, 2);
        emergency(key);

        await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVER.posts(event).stream().anyMatch(WebhookReceiver.Post::accepted));
        List<WebhookReceiver.Post> posts = RECEIVER.posts(event);
        assertThat(posts).extracting(WebhookReceiver.Post::accepted).containsExactly(false, false, true);
        WebhookReceiver.Post accepted = posts.get(2);
        assertThat(accepted.text()).contains("\"type\":\"emergency\"").contains("\"key\":\"" + key + "\"")
                .contains("squawk 7700: general emergency");
        assertThat(accepted.signature()).isEqualTo("sha256=" + hmac(WebhookReceiver.SECRET, accepted.body()));
        assertThat(output.getAll()).doesNotContain(WebhookReceiver.SECRET);
    }

    @Test
    void an_event_never_accepted_is_given_up_after_the_last_try_logged_with_the_url_and_reason_and_counted(
            CapturedOutput output) {
        double failedBefore = failedMetric();
        String key = TestKafka.uniqueKey("WF");
        String event = key + "-emergency";
        RECEIVER.refuse(event, 1000);
        emergency(key);

        await().atMost(Duration.ofSeconds(60)).until(() -> output.getAll().contains("did not accept event " + event));
        assertThat(RECEIVER.posts(event)).hasSize(4).noneMatch(WebhookReceiver.Post::accepted);
        assertThat(output.getAll()).containsPattern("WEBHOOK FAILED: " + Pattern.quote(RECEIVER.url())
                + " did not accept event " + event + "\\S* after 4 tries: HTTP 500");
        await().atMost(Duration.ofSeconds(10)).until(() -> failedMetric() >= failedBefore + 1);
        assertThat(output.getAll()).doesNotContain(WebhookReceiver.SECRET);
    }

    private static void emergency(String key) {
        long t = System.currentTimeMillis() - 10_000;
        TestKafka.send(Topics.POSITIONS_RAW, key,
                Canonical.json(key, t, 50.0, 8.0, 10000, "1000", "http"),
                Canonical.json(key, t + 1000, 50.002, 8.0, 10000, "7700", "http"));
    }

    private double failedMetric() {
        Matcher m = Pattern.compile("(?m)^airlines_webhooks_failed_total(?:\\{[^}]*})? (\\S+)$")
                .matcher(Http.get(url("/actuator/prometheus")).body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
