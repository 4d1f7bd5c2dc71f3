package io.airlines.alert;

import java.io.IOException;
import java.util.List;
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
 * neither the live view nor other subscribers wait for it. Each alert carries an id; the latest
 * are kept ({@link AlertRing}) for a stream that reconnects with {@code Last-Event-ID}.
 */
@Component
class AlertStream {

    static final String ALERT = "alert";
    static final String DROPPED = "dropped";
    private static final String COMMENT = "comment";
    private static final int KEPT = 1000;

    private final LiveView view;
    private final ReferenceCache reference;
    private final PositionCodec codec;
    private final ScheduledExecutorService threads;
    private final LiveSubscribers<AlertClient> subscribers;
    private final AlertRing ring = new AlertRing(Long.toString(System.currentTimeMillis(), 36), KEPT);
    private final int queue;

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
        this.queue = settings.queue();
        subscribers.measure(registry, "airlines.alerts.streams", "alert stream");
        long beat = settings.heartbeat().toMillis();
        threads.scheduleAtFixedRate(() -> subscribers.broadcast(COMMENT, "heartbeat"), beat, beat, TimeUnit.MILLISECONDS);
        view.onEvent(this::publish);
    }

    /**
     * A new stream of the alerts {@code filter} lets through, first those after {@code lastEventId}
     * (null: none) that are still kept, at most a queue's worth; empty when the most streams allowed are open.
     */
    Optional<SseEmitter> subscribe(AlertFilter filter, String lastEventId) {
        // No timeout: the heartbeat finds connections that are gone.
        SseEmitter emitter = new SseEmitter(0L);
        AlertClient client = new AlertClient(emitter, filter);
        Optional<LiveSubscribers<AlertClient>.Subscriber> subscriber;
        // No alert is published between the missed ones and the next: they arrive in order, once.
        synchronized (ring) {
            subscriber = subscribers.add(client, COMMENT, "connected");
            if (subscriber.isPresent()) {
                List<AlertRing.Numbered> missed = ring.after(lastEventId).stream().filter(n -> filter.matches(n.alert())).toList();
                missed.subList(Math.max(0, missed.size() - (queue - 1)), missed.size())
                        .forEach(n -> subscribers.broadcast(ALERT, message(n), c -> c == client));
            }
        }
        subscriber.ifPresent(s -> {
            emitter.onCompletion(s::close);
            emitter.onTimeout(s::close);
            emitter.onError(e -> s.close());
        });
        return subscriber.map(s -> emitter);
    }

    private void publish(FlightEvent e) {
        Alert alert = Alert.of(e, view.get(e.key()), reference.current());
        String json = codec.mapper().writeValueAsString(alert);
        synchronized (ring) {
            AlertRing.Numbered numbered = ring.add(alert, json);
            subscribers.broadcast(ALERT, message(numbered), client -> client.filter().matches(alert));
        }
    }

    /** An alert's id and its JSON as one message of the subscribers' queue, split again when sent. */
    private static String message(AlertRing.Numbered n) {
        return n.id() + "\n" + n.json();
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
                int cut = data.indexOf('\n');
                emitter.send(SseEmitter.event().id(data.substring(0, cut)).name(event)
                        .data(data.substring(cut + 1), MediaType.APPLICATION_JSON));
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
