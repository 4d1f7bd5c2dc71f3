package io.airlines.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.mongodb.client.model.WriteModel;
import io.airlines.stream.Position;
import org.bson.RawBsonDocument;

/**
 * The latest state of each flight the sink read, on its way to {@code flight_state}. A flight
 * seen for the first time goes out with the next write. The others are refreshed in one round
 * per interval rather than each on its own timer: the store rewrites every page an update
 * touches, and one round touches each page once. A write made early (the sink caught up) carries
 * only a slice of the round, in key order, so that it stays short; the next ones go on from there.
 * The round's keys are sorted once as it starts: kept sorted as records came, in a tree, each
 * record cost a walk down it, a cache miss or two at each of its levels at world scale (5 % of
 * the readers' time at 20,000 aircraft). A flight whose first record since its last write comes
 * in the middle of a round waits for the next one.
 * An aircraft standing still (same place, altitude, callsign and squawk as last written) is
 * rewritten only every {@link #STILL_REFRESH_MS}: parked aircraft keep reporting, and rewriting
 * their unchanged states took a large share of the store's work at world scale.
 */
final class StateRound {

    /** States a write made early carries at most. */
    static final int SLICE = 200;
    /** How long the written state of an aircraft standing still may go without a refresh of its time. */
    static final long STILL_REFRESH_MS = 5 * 60_000;

    private final long intervalMs;
    private final long flushIntervalMs;
    /** Flights whose state was never written, kept as they arrive: scanning all of them each time cost more than the writes. */
    private final Set<String> firstStates = new LinkedHashSet<>();
    private final Map<String, Position> pending = new HashMap<>();
    private final Map<String, Written> written = new HashMap<>();
    private long lastRound;
    /** The keys of the round in progress, in order, or null when none is; and where it goes on. */
    private String[] roundKeys;
    private int roundNext;

    /** When a flight's state was last written, and what it said. */
    private record Written(long at, Position state) {
    }

    /**
     * The writes of one flush, the keys of their flights in the same order, and where the round
     * goes on once they are acknowledged (-1: it is done).
     */
    record Writes(List<WriteModel<RawBsonDocument>> models, List<String> keys, int resume) {
    }

    StateRound(StoreSettings settings) {
        this.intervalMs = settings.stateInterval().toMillis();
        this.flushIntervalMs = settings.flushInterval().toMillis();
    }

    void offer(Position p) {
        // Put, and put the newer back for the rare record read late.
        Position latest = pending.put(p.key(), p);
        if (latest != null && p.time() < latest.time()) {
            pending.put(p.key(), latest);
        }
        if (latest == null && !written.containsKey(p.key())) {
            firstStates.add(p.key());
        }
    }

    /** The states to write now, at most {@code budget} of the round besides the first states. */
    Writes next(long now, int budget) {
        List<WriteModel<RawBsonDocument>> models = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String key : firstStates) {
            models.add(write(pending.get(key)));
            keys.add(key);
        }
        if (roundKeys == null && now - lastRound >= intervalMs - flushIntervalMs) {
            roundKeys = pending.keySet().toArray(String[]::new);
            Arrays.sort(roundKeys);
            roundNext = 0;
        }
        int resume = -1;
        if (roundKeys != null) {
            int left = budget;
            for (int i = roundNext; i < roundKeys.length; i++) {
                Position p = pending.get(roundKeys[i]);
                Written last = p == null ? null : written.get(p.key());
                if (last == null || standingStill(last, p, now)) {
                    continue;
                }
                if (left-- == 0) {
                    resume = i;
                    break;
                }
                models.add(write(p));
                keys.add(p.key());
            }
        }
        return new Writes(models, keys, resume);
    }

    /** The store acknowledged {@code writes}. */
    void written(Writes writes, long now) {
        if (roundKeys != null) {
            roundNext = writes.resume();
            if (writes.resume() < 0) {
                roundKeys = null;
                lastRound = now;
            }
        }
        firstStates.clear();
        for (String key : writes.keys()) {
            written.put(key, new Written(now, pending.remove(key)));
        }
    }

    /** States not yet written are dropped: their records are read again. */
    void dropPending() {
        firstStates.clear();
        pending.clear();
        roundKeys = null;
    }

    /** An erased aircraft: its state is not written again (a round under way skips its key). */
    void forget(String key) {
        firstStates.remove(key);
        pending.remove(key);
        written.remove(key);
    }

    void forgetWritten() {
        written.clear();
    }

    /** Flights not written for longer than {@code silentMs} are forgotten. */
    void evict(long now, long silentMs) {
        written.values().removeIf(w -> now - w.at() > silentMs);
    }

    private static boolean standingStill(Written last, Position p, long now) {
        Position before = last.state();
        return now - last.at() < STILL_REFRESH_MS && before != null
                && Objects.equals(before.lat(), p.lat()) && Objects.equals(before.lon(), p.lon())
                && Objects.equals(before.altitude(), p.altitude()) && Objects.equals(before.onGround(), p.onGround())
                && Objects.equals(before.callsign(), p.callsign()) && Objects.equals(before.squawk(), p.squawk());
    }

    private static WriteModel<RawBsonDocument> write(Position p) {
        return SlicedWrites.replaceById(p.key(), StateBson.document(p));
    }
}
