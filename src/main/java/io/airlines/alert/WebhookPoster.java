package io.airlines.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One event to one webhook: a signed POST, tried again after a failure (an error status, no answer)
 * with a doubling wait, at most {@code maxTries} times. It says why it gave up rather than throwing:
 * the caller reports it and goes on with the next event.
 */
final class WebhookPoster {

    /** How one delivery ended: {@code reason} is null when the webhook accepted the event. */
    record Outcome(int tries, String reason) {
        boolean delivered() {
            return reason == null;
        }
    }

    /** The server stops while a delivery waits to try again: it is not committed and comes back on restart. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("stopping during a webhook delivery");
        }
    }

    private final HttpClient http;
    private final WebhookSignature signature;
    private final WebhookSettings settings;

    WebhookPoster(WebhookSettings settings) {
        this.settings = settings;
        this.signature = new WebhookSignature(settings.secret());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Outcome post(String url, String eventId, byte[] body, BooleanSupplier running) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, signature.sign(body))
                .header("X-Airlines-Delivery", eventId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long wait = settings.backoff().toMillis();
        String reason = null;
        for (int tries = 1; tries <= settings.maxTries(); tries++) {
            reason = attempt(request);
            if (reason == null) {
                return new Outcome(tries, null);
            }
            if (tries < settings.maxTries()) {
                pause(wait, running);
                wait *= 2;
            }
        }
        return new Outcome(settings.maxTries(), reason);
    }

    private String attempt(HttpRequest request) {
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        }
    }

    /** Waits in short steps so that a stopping server does not wait for a long backoff. */
    private static void pause(long ms, BooleanSupplier running) {
        long until = System.nanoTime() + Duration.ofMillis(ms).toNanos();
        while (System.nanoTime() < until) {
            if (!running.getAsBoolean()) {
                throw new Interrupted();
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted();
            }
        }
    }
}
