package io.airlines.schedule;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out a carrier's flight numbers so that each names one flight a day, as at an airline: a
 * route's flights get a block of consecutive numbers (out even, back odd), starting where the
 * route's hash points and moved on to the next free block when another route holds it. Numbers
 * drawn by hash alone collide; two flights of one number in the air at once are then told apart
 * by nobody, and the live map matches an aircraft to the other one's timetable.
 */
final class FlightNumbers {

    private final Map<String, BitSet> taken = new HashMap<>();

    /**
     * The first of {@code count} consecutive free numbers of {@code carrier} in
     * {@code [low, low + size)}, preferably at {@code low + hash mod size}; taken from now on.
     */
    int take(String carrier, int low, int size, int hash, int count) {
        BitSet used = taken.computeIfAbsent(carrier, c -> new BitSet());
        int starts = size - count + 1;
        if (starts <= 0) {
            throw new IllegalStateException(carrier + " has no block of " + count + " flight numbers from " + low);
        }
        int preferred = Math.floorMod(hash, starts);
        for (int step = 0; step < starts; step++) {
            int first = low + (preferred + step) % starts;
            if (used.get(first, first + count).isEmpty()) {
                used.set(first, first + count);
                return first;
            }
        }
        throw new IllegalStateException(carrier + " has run out of flight numbers from " + low);
    }
}
