package io.airlines.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
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
    private final LiveSubscribers<StreamClient> subscribers;
    /** Orders a frames subscriber's snapshot among the deltas, and guards {@link #slots}. */
    private final Object frames = new Object();
    /** What every frames subscriber holds; kept only while one is connected, as advancing it costs every tick. */
    private MapSlots slots;

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
        Optional<LiveSubscribers<StreamClient>.Subscriber> subscriber = join(new EmitterConnection(emitter), format);
        subscriber.ifPresent(s -> {
            emitter.onCompletion(s::close);
            emitter.onTimeout(s::close);
            emitter.onError(e -> s.close());
        });
        return subscriber.map(s -> emitter);
    }

    /** A new subscriber on {@code connection} whose first message is a snapshot in {@code format}. */
    Optional<LiveSubscribers<StreamClient>.Subscriber> join(LiveSubscribers.Client connection, Format format) {
        StreamClient client = new StreamClient(connection, format);
        long now = System.currentTimeMillis();
        if (format == Format.FRAMES) {
            // The snapshot is the table the next delta is taken from: both under the same lock.
            synchronized (frames) {
                return subscribers.add(client, "snapshot", mapSnapshot(now).text());
            }
        }
        List<Position> all = new ArrayList<>(view.all());
        return subscribers.add(client, "snapshot", CompactRows.message(now, all.size(), all, List.of()));
    }

    /** Under the frames lock: the whole table, first built from the live view when no map held one. */
    private MapFrame mapSnapshot(long now) {
        if (slots == null) {
            slots = new MapSlots();
            return slots.advance(now, new ArrayList<>(view.all()), List.of());
        }
        return slots.snapshot(now);
    }

    /**
     * Drains the changes and reads their positions under the frames lock, so a table just built
     * from the live view is never ahead of the delta that follows it: a change it holds already
     * comes again in that delta, as it is.
     */
    @Scheduled(fixedRate = 1000)
    public void tick() {
        long now = System.currentTimeMillis();
        LiveView.Changes changes;
        List<Position> rows;
        synchronized (frames) {
            changes = view.drainChanges();
            rows = current(changes.changed());
            advanceMap(now, rows, changes.removed());
        }
        if (subscribers.any(StreamClient::wantsRows)) {
            subscribers.broadcast("delta", CompactRows.message(now, view.size(), rows, changes.removed()), StreamClient::wantsRows);
        }
    }

    private List<Position> current(Collection<String> keys) {
        List<Position> rows = new ArrayList<>(keys.size());
        for (String key : keys) {
            Position p = view.get(key);
            if (p != null) {
                rows.add(p);
            }
        }
        return rows;
    }

    /** Under the frames lock: the delta to the maps connected; with none left, the table goes. */
    private void advanceMap(long now, List<Position> rows, Collection<String> removed) {
        if (slots == null) {
            return;
        }
        if (subscribers.any(StreamClient::wantsFrames)) {
            subscribers.broadcast("delta", slots.advance(now, rows, removed).text(), StreamClient::wantsFrames);
        } else {
            slots = null;
        }
    }

    /** Whether a table of the map's slots is kept: only while a frames subscriber is connected. */
    boolean keepsMapTable() {
        synchronized (frames) {
            return slots != null;
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

    /** A subscriber's connection and the format it asked for. */
    record StreamClient(LiveSubscribers.Client connection, Format format) implements LiveSubscribers.Client {

        boolean wantsFrames() {
            return format == Format.FRAMES;
        }

        boolean wantsRows() {
            return format == Format.ROWS;
        }

        @Override
        public void send(String event, String data) throws IOException {
            connection.send(event, data);
        }

        @Override
        public void dropped() throws IOException {
            connection.dropped();
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    private record EmitterConnection(SseEmitter emitter) implements LiveSubscribers.Client {

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
