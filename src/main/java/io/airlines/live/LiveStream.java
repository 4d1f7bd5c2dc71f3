package io.airlines.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.airlines.stream.FlightEvent;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of the live view: each subscriber gets a snapshot, then one shared delta a
 * second (only changed flights, plus removed keys) and alerts as they happen, in the format it
 * asked for: compact JSON rows ({@link CompactRows}) or the map's frames ({@link MapFrame}). Each
 * delta is built once for all subscribers of its format; sender threads, not the scheduler, write
 * it to each connection.
 */
@Component
class LiveStream {

    private final LiveView view;
    private final PositionCodec codec;
    private final LiveStreamSettings settings;
    private final ExecutorService senders;
    private final LiveSubscribers<EmitterClient> subscribers;
    /** What every frames subscriber holds; its lock orders a new subscriber's snapshot among the deltas. */
    private final MapSlots slots = new MapSlots();

    /** How a subscriber wants its snapshot and deltas written. */
    enum Format {
        ROWS, FRAMES
    }

    public LiveStream(LiveView view, PositionCodec codec, LiveStreamSettings settings, MeterRegistry registry) {
        this.view = view;
        this.codec = codec;
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(settings.senders(), r -> {
            Thread t = new Thread(r, "live-sse-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.subscribers = new LiveSubscribers<>(settings.maxStreams(), settings.queue(), senders);
        subscribers.measure(registry, "airlines.live.streams", "live stream");
        view.onEvent(this::alert);
    }

    /** A new stream starting with a snapshot; empty when the most streams allowed are open. */
    public Optional<SseEmitter> subscribe(Format format) {
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        EmitterClient client = new EmitterClient(emitter, format);
        Optional<LiveSubscribers<EmitterClient>.Subscriber> subscriber;
        if (format == Format.FRAMES) {
            // The snapshot is the table the next delta is taken from: both under the same lock.
            synchronized (slots) {
                subscriber = subscribers.add(client, "snapshot", slots.snapshot(System.currentTimeMillis()).text());
            }
        } else {
            List<Position> all = new ArrayList<>(view.all());
            subscriber = subscribers.add(client, "snapshot", CompactRows.message(System.currentTimeMillis(), all.size(), all, List.of()));
        }
        subscriber.ifPresent(s -> {
            emitter.onCompletion(s::close);
            emitter.onTimeout(s::close);
            emitter.onError(e -> s.close());
        });
        return subscriber.map(s -> emitter);
    }

    /** The frames' table follows every change, subscribers or not, so that a first subscriber's snapshot is current. */
    @Scheduled(fixedRate = 1000)
    public void tick() {
        LiveView.Changes changes = view.drainChanges();
        List<Position> rows = new ArrayList<>(changes.changed().size());
        for (String key : changes.changed()) {
            Position p = view.get(key);
            if (p != null) {
                rows.add(p);
            }
        }
        long now = System.currentTimeMillis();
        synchronized (slots) {
            MapFrame frame = slots.advance(now, rows, changes.removed());
            if (subscribers.any(EmitterClient::wantsFrames)) {
                subscribers.broadcast("delta", frame.text(), EmitterClient::wantsFrames);
            }
        }
        if (subscribers.any(EmitterClient::wantsRows)) {
            subscribers.broadcast("delta", CompactRows.message(now, view.size(), rows, changes.removed()), EmitterClient::wantsRows);
        }
    }

    private void alert(FlightEvent e) {
        if (!subscribers.isEmpty()) {
            subscribers.broadcast("alert", PositionCodec.utf8(codec.encodeEvent(e)));
        }
    }

    int subscribers() {
        return subscribers.size();
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    private record EmitterClient(SseEmitter emitter, Format format) implements LiveSubscribers.Client {

        boolean wantsFrames() {
            return format == Format.FRAMES;
        }

        boolean wantsRows() {
            return format == Format.ROWS;
        }

        @Override
        public void send(String event, String data) throws IOException {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        }

        @Override
        public void close() {
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyCompleted) {
                // the connection ended first (client gone, timeout): nothing left to close
            }
        }
    }
}
