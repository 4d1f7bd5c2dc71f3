package io.airlines.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/**
 * The commands of the client still waiting for their answer, and since when. A store can answer a
 * ping and still leave writes hanging (a stuck disk under the embedded store's commit): a write
 * waiting past {@code AIRLINES_MONGO_STALL_AFTER} makes health DOWN before the write times out.
 */
final class CommandWatch implements CommandListener {

    private final Map<Integer, Waiting> waiting = new ConcurrentHashMap<>();

    record Waiting(String command, long sinceNanos) {

        Duration age(long nowNanos) {
            return Duration.ofNanos(nowNanos - sinceNanos);
        }
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        waiting.put(event.getRequestId(), new Waiting(event.getCommandName(), System.nanoTime()));
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        waiting.remove(event.getRequestId());
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        waiting.remove(event.getRequestId());
    }

    /** The command that has waited longest, if one has waited longer than {@code limit}. */
    Optional<Waiting> stalled(Duration limit) {
        long now = System.nanoTime();
        return waiting.values().stream()
                .filter(w -> w.age(now).compareTo(limit) > 0)
                .min((a, b) -> Long.compare(a.sinceNanos, b.sinceNanos));
    }
}
