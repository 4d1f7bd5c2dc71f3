package io.airlines.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.airlines.stream.FlightEvent;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of the live view: each subscriber gets a snapshot, then one shared delta a
 * second (only changed flights, plus removed keys) and alerts as they happen. The delta is built
 * once for all subscribers.
 */
@Component
public class LiveStream {

    private final LiveView view;
    private final PositionCodec codec;
    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();

    public LiveStream(LiveView view, PositionCodec codec) {
        this.view = view;
        this.codec = codec;
        view.onEvent(this::alert);
    }

    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(e -> subscribers.remove(emitter));
        List<Position> all = new ArrayList<>(view.all());
        try {
            emitter.send(SseEmitter.event().name("snapshot")
                    .data(CompactRows.message(System.currentTimeMillis(), all.size(), all, List.of()), MediaType.APPLICATION_JSON));
            subscribers.add(emitter);
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        return emitter;
    }

    @Scheduled(fixedRate = 1000)
    public void tick() {
        LiveView.Changes changes = view.drainChanges();
        if (subscribers.isEmpty()) {
            return;
        }
        List<Position> rows = new ArrayList<>(changes.changed().size());
        for (String key : changes.changed()) {
            Position p = view.get(key);
            if (p != null) {
                rows.add(p);
            }
        }
        String delta = CompactRows.message(System.currentTimeMillis(), view.size(), rows, changes.removed());
        broadcast("delta", delta);
    }

    private void alert(FlightEvent e) {
        if (!subscribers.isEmpty()) {
            broadcast("alert", PositionCodec.utf8(codec.encodeEvent(e)));
        }
    }

    private void broadcast(String name, String data) {
        for (SseEmitter emitter : subscribers) {
            try {
                emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(emitter);
            }
        }
    }

    int subscribers() {
        return subscribers.size();
    }
}
