package io.airlines.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.airlines.stream.Position;

/**
 * What every live map on the frame format holds: each aircraft in a numbered slot, with the state
 * last sent. A delta names the slots that left, gives the texts only of aircraft that are new or
 * whose texts changed, and the numbers of every aircraft that moved; a snapshot is the whole table,
 * so a map that starts from a snapshot and applies every later delta holds this same table. Not
 * thread-safe: the live stream calls it under its lock.
 */
final class MapSlots {

    private final Map<String, Slot> byKey = new HashMap<>();
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private int next;

    /** The delta from the state last sent: {@code changed} aircraft are moved or new, {@code removed} keys left. */
    MapFrame advance(long time, List<Position> changed, Collection<String> removed) {
        int[] gone = new int[removed.size()];
        int goneCount = 0;
        for (String key : removed) {
            Slot slot = byKey.remove(key);
            if (slot != null) {
                free.push(slot.index);
                gone[goneCount++] = slot.index;
            }
        }
        List<MapFrame.Row> named = new ArrayList<>();
        List<MapFrame.Row> moved = new ArrayList<>(changed.size());
        for (Position p : changed) {
            Slot slot = byKey.get(p.key());
            if (slot == null) {
                slot = new Slot(free.isEmpty() ? next++ : free.pop());
                byKey.put(p.key(), slot);
            }
            MapFrame.Row row = new MapFrame.Row(slot.index, p);
            if (slot.sent == null || !sameTexts(slot.sent, p)) {
                named.add(row);
            }
            slot.sent = p;
            moved.add(row);
        }
        return new MapFrame(time, byKey.size(), Arrays.copyOf(gone, goneCount), named, moved);
    }

    /** The whole table as last sent, every aircraft with its texts. */
    MapFrame snapshot(long time) {
        List<MapFrame.Row> rows = new ArrayList<>(byKey.size());
        for (Slot slot : byKey.values()) {
            rows.add(new MapFrame.Row(slot.index, slot.sent));
        }
        return new MapFrame(time, rows.size(), new int[0], rows, rows);
    }

    private static boolean sameTexts(Position a, Position b) {
        return Objects.equals(a.callsign(), b.callsign()) && Objects.equals(a.squawk(), b.squawk())
                && Objects.equals(a.airline(), b.airline()) && Objects.equals(a.origin(), b.origin())
                && Objects.equals(a.destination(), b.destination()) && Objects.equals(a.source(), b.source())
                && Objects.equals(a.registration(), b.registration()) && Objects.equals(a.aircraftType(), b.aircraftType());
    }

    private static final class Slot {
        private final int index;
        private Position sent;

        private Slot(int index) {
            this.index = index;
        }
    }
}
