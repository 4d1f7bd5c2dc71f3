package io.airlines.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the validation stage remembers of each flight (its last accepted position, whether its
 * signal was reported lost), with an undo log back to the last commit. Records read again after a
 * failed send must meet the memory they met the first time: otherwise each would be judged a
 * duplicate of itself and dropped before reaching the output it never reached.
 */
final class FlightMemory {

    private final Map<String, Position> last = new HashMap<>();
    private final Set<String> silent = new HashSet<>();
    private final Map<String, Before> undo = new HashMap<>();

    /** A flight as it was at the last commit. */
    private record Before(Position last, boolean silent) {
    }

    Position last(String key) {
        return last.get(key);
    }

    /** An accepted position; a late one (older than the last) changes nothing. */
    void accepted(Position p) {
        Position previous = last.get(p.key());
        if (previous == null || p.time() > previous.time()) {
            remember(p.key());
            last.put(p.key(), p);
            silent.remove(p.key());
        }
    }

    /**
     * Airborne flights silent for longer than {@code lostAfter} and not yet reported, now marked;
     * flights silent ten times as long are forgotten.
     */
    List<Position> newlySilent(long now, long lostAfter) {
        List<Position> lost = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (Position p : last.values()) {
            long silence = now - p.received();
            if (silence > 10 * lostAfter) {
                gone.add(p.key());
            } else if (silence > lostAfter && p.airborne() && !"ground".equals(p.phase()) && !silent.contains(p.key())) {
                lost.add(p);
            }
        }
        for (String key : gone) {
            remember(key);
            last.remove(key);
            silent.remove(key);
        }
        for (Position p : lost) {
            remember(p.key());
            silent.add(p.key());
        }
        return lost;
    }

    /** The outputs of everything so far are acknowledged and committed. */
    void checkpoint() {
        undo.clear();
    }

    /** Back to the memory of the last commit, for records about to be read again. */
    void rollback() {
        undo.forEach((key, before) -> {
            if (before.last() == null) {
                last.remove(key);
            } else {
                last.put(key, before.last());
            }
            if (before.silent()) {
                silent.add(key);
            } else {
                silent.remove(key);
            }
        });
        undo.clear();
    }

    int size() {
        return last.size();
    }

    private void remember(String key) {
        undo.computeIfAbsent(key, k -> new Before(last.get(k), silent.contains(k)));
    }
}
