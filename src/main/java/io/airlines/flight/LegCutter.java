package io.airlines.flight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.airlines.stream.Position;
import io.airlines.stream.ReferenceData;

/**
 * Leg cutting for every transponder, in memory: each one's positions go to its
 * {@link TransponderTrack}. A transponder with no open leg and silent for long is forgotten (its
 * cursor is in the store), so memory holds about the aircraft flying now.
 */
final class LegCutter {

    private final Map<String, TransponderTrack> tracks = new HashMap<>();

    boolean knows(String transponder) {
        return tracks.containsKey(transponder);
    }

    /** A transponder as the store has it, before its next positions. */
    void resume(TransponderTrack track) {
        tracks.put(track.transponder(), track);
    }

    void apply(Position p, ReferenceData ref) {
        tracks.computeIfAbsent(p.key(), TransponderTrack::new).apply(p, ref);
    }

    /** Closes the legs of aircraft silent since more than the gap before {@code clock}, forgets idle ones. */
    void sweep(long clock) {
        tracks.values().removeIf(t -> {
            t.sweep(clock);
            return t.idle(clock);
        });
    }

    List<TransponderTrack> changed() {
        List<TransponderTrack> changed = new ArrayList<>();
        for (TransponderTrack t : tracks.values()) {
            if (t.changed()) {
                changed.add(t);
            }
        }
        return changed;
    }

    /** Forgets everything: what was not written is about to be read again, and the rest is in the store. */
    void forget() {
        tracks.clear();
    }

    /** Forgets one transponder: what the store has of it is being deleted. */
    void forget(String transponder) {
        tracks.remove(transponder);
    }

    int size() {
        return tracks.size();
    }
}
