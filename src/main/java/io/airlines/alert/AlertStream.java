package io.airlines.alert;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.airlines.live.LiveSubscribers;
import io.airlines.live.LiveView;
import io.airlines.stream.FlightEvent;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.ReferenceCache;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of flight alerts, each subscriber with its own filter. Alerts come from the
 * live view's reading of {@code flights.events} (every server sees every event, from when it
 * started), and only enqueue: a subscriber that falls behind is dropped with a last event, and
 * neither the live view nor other subscribers wait for it.
 */
@Component
class AlertStream {

    static final String ALERT = "alert";
    static final String DROPPED = "dropped";
    private static final String COMMENT = "comment";

    private final LiveView view;
    private final ReferenceCache reference;
    private final PositionCodec codec;
    private final ScheduledExecutorService threads;
    private final LiveSubscribers<AlertClient> subscribers;

    AlertStream(LiveView view, ReferenceCache reference, PositionCodec codec, AlertSettings settings, MeterRegistry registry) {
        this.view = view;
        this.reference = reference;
        this.codec = codec;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "alerts-sse-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.subscribers = new LiveSubscribers<>(settings.maxStreams(), settings.queue(), threads);
        subscribers.measure(registry, "airlines.alerts.streams", "alert stream");
        long beat = settings.heartbeat().toMillis();
        threads.scheduleAtFixedRate(() -> subscribers.broadcast(COMMENT, "heartbeat"), beat, beat, TimeUnit.MILLISECONDS);
        view.onEvent(this::publish);
    }

    /** A new stream of the alerts {@code filter} lets through; empty when the most streams allowed are open. */
    Optional<SseEmitter> subscribe(AlertFilter filter) {
        // No timeout: the heartbeat finds connections that are gone.
        SseEmitter emitter = new SseEmitter(0L);
        Optional<LiveSubscribers<AlertClient>.Subscriber> subscriber =
                subscribers.add(new AlertClient(emitter, filter), COMMENT, "connected");
        subscriber.ifPresent(s -> {
            emitter.onCompletion(s::close);
            emitter.onTimeout(s::close);
            emitter.onError(e -> s.close());
        });
        return subscriber.map(s -> emitter);
    }

    private void publish(FlightEvent e) {
        if (subscribers.isEmpty()) {
            return;
        }
        Alert alert = Alert.of(e, view.get(e.key()), reference.current());
        String json = codec.mapper().writeValueAsString(alert);
        subscribers.broadcast(ALERT, json, client -> client.filter().matches(alert));
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }

    private record AlertClient(SseEmitter emitter, AlertFilter filter) implements LiveSubscribers.Client {

        @Override
        public void send(String event, String data) throws IOException {
            if (COMMENT.equals(event)) {
                emitter.send(SseEmitter.event().comment(data));
            } else {
                emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
            }
        }

        @Override
        public void dropped() throws IOException {
            emitter.send(SseEmitter.event().name(DROPPED)
                    .data("{\"reason\":\"fell too far behind; reconnect\"}", MediaType.APPLICATION_JSON));
        }

        @Override
        public void close() {
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyCompleted) {
                // the connection ended first (client gone): nothing left to close
            }
        }
    }
}
