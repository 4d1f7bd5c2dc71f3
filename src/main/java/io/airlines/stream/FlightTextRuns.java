package io.airlines.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The texts each flight's last record had, and the bytes they were read from. A canonical record
 * has three runs of texts that stay the same in every record of a flight: it starts with seven
 * (key, callsign, flight number, airline and its name, origin, destination), has the squawk in its
 * middle and ends with three (registration, type, country). Where the bytes of a run are those of
 * the flight's last record, its texts are that record's: one comparison of bytes instead of up to
 * eleven lookups in {@link SharedTexts}, each one or two cache misses at world scale, which made a
 * fifth of the readers' time. A flight's runs are held in one array of bytes and one of texts, so
 * that finding them costs as few misses as can be.
 * <p>
 * A table of slots chosen by the key's bytes, four for each hash: with two, in a table a quarter
 * of this size, the flights of a hash beyond the second pushed each other out at each of their
 * records (a sixth of the records missed at 25,000 aircraft). An entry is immutable and replaced whole, so that
 * threads share the table without locks: a race costs one more reading of the texts, never a
 * wrong one, because an entry is only used when its bytes are exactly the record's. At most one
 * entry per slot, two per flight: some 600 bytes per flight, 15 MB at 25,000 aircraft.
 */
final class FlightTextRuns {

    /** About ten for each flight at world scale (25,000), so that hardly any hash has more entries than slots. */
    private static final int SLOTS = 1 << 18;
    private static final int WAYS = 4;
    /** Entries a key keeps at most: its records as sent and as enriched. */
    private static final int VERSIONS = 2;
    /** How many runs a flight has. */
    static final int RUNS = 3;

    /**
     * A flight's runs as its last record had them: their bytes, names and separators included, one
     * after the other ({@code bytes}, the first run ending at {@code firstEnd}, the second at
     * {@code secondEnd}), and their texts in the order of their fields.
     */
    record Flight(byte[] bytes, int firstEnd, int secondEnd, String[] texts) {

        /** Whether run {@code run} of this flight is in {@code record} at {@code at}; the last run must end it. */
        boolean hasRun(int run, byte[] record, int at) {
            int start = start(run);
            int end = end(run);
            int to = at + end - start;
            return to <= record.length && (run < RUNS - 1 || to == record.length)
                    && Arrays.equals(record, at, to, bytes, start, end);
        }

        int length(int run) {
            return end(run) - start(run);
        }

        private int start(int run) {
            return run == 0 ? 0 : run == 1 ? firstEnd : secondEnd;
        }

        private int end(int run) {
            return run == 0 ? firstEnd : run == 1 ? secondEnd : bytes.length;
        }
    }

    private final Flight[] slots = new Flight[SLOTS];

    /**
     * The flight whose first run starts {@code record}, or null. {@code keyStart} and {@code keyEnd}
     * bound the key's chars in {@code record}. The run ends with its last value's closing quote or
     * null, so the bytes that follow it are the reader's to check, as for any field.
     */
    Flight startingAs(byte[] record, int keyStart, int keyEnd) {
        int first = firstSlot(record, keyStart, keyEnd);
        for (int slot = first; slot < first + WAYS; slot++) {
            Flight flight = slots[slot];
            if (flight != null && flight.hasRun(0, record, 0)) {
                return flight;
            }
        }
        return null;
    }

    /**
     * Keeps {@code flight} for the next records of its key in the first of its hash's slots, the
     * others moving down into the one freed: {@code replaced}'s (the entry whose first run the
     * record had, or null), else the older of two entries of the key, else the last slot. A flight
     * has two kinds of records, as a producer sent them and as enriched, each read by its own
     * readers: one entry per key had them replace each other at every record.
     */
    void remember(byte[] record, int keyStart, int keyEnd, Flight flight, Flight replaced) {
        int first = firstSlot(record, keyStart, keyEnd);
        int free = first + WAYS - 1;
        int ofKey = 0;
        for (int slot = first; slot < first + WAYS; slot++) {
            Flight held = slots[slot];
            if (held != null && held == replaced) {
                free = slot;
                break;
            }
            if (sameKey(held, record, keyStart, keyEnd) && ++ofKey == VERSIONS) {
                free = slot;
            }
        }
        for (int slot = free; slot > first; slot--) {
            slots[slot] = slots[slot - 1];
        }
        slots[first] = flight;
    }

    private static boolean sameKey(Flight held, byte[] record, int keyStart, int keyEnd) {
        if (held == null) {
            return false;
        }
        byte[] bytes = held.bytes();
        int length = keyEnd - keyStart;
        return bytes.length > keyEnd && bytes[keyEnd] == '"'
                && Arrays.equals(bytes, keyStart, keyEnd, record, keyStart, keyStart + length);
    }

    /** The first of the slots of a flight's key. */
    static int firstSlotOf(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
        return firstSlot(bytes, 0, bytes.length);
    }

    private static int firstSlot(byte[] record, int keyStart, int keyEnd) {
        long hash = 0;
        for (int i = keyStart; i < keyEnd; i++) {
            hash = 31 * hash + record[i];
        }
        // MurmurHash3's finalizer: keys of one family (transponder addresses) differ in a few chars
        // only, and their sums of powers of 31 gather in half the slots when only multiplied.
        hash = (hash ^ hash >>> 33) * 0xff51afd7ed558ccdL;
        hash = (hash ^ hash >>> 33) * 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return (int) hash & (SLOTS - WAYS);
    }
}
