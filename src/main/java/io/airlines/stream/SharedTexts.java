package io.airlines.stream;

import java.nio.charset.StandardCharsets;

/**
 * One string for each text that positions repeat: a flight's key, callsign, flight number and
 * registration come back in every record of the flight, airports, airlines, types and sources in
 * thousands of records. Read as new strings each time, the positions the live view, the sink's
 * state round and the legs keep at world scale held about two million strings, most of them
 * copies, and decoding made two objects per text per record for the collector.
 * <p>
 * A table of slots chosen by hash, two for each hash (a text whose slots hold others takes the
 * first, the text it held moves to the second): two texts of one slot both stay, where one slot
 * each had them replace each other at every record. Without locks: threads may race on a slot; a
 * string is immutable and safely published through its final fields, and a slot's hash is only a
 * hint checked against the string's chars, so a reader gets either string, each whole, and the
 * worst outcome of a race is one more copy.
 */
final class SharedTexts {

    /** About five slots per distinct text at 25,000 aircraft (key, callsign, flight number, registration each). */
    private static final int SLOTS = 1 << 19;

    private final String[] slots = new String[SLOTS];
    /** The hash of each slot's string, so that a lookup compares ints before chars. */
    private final int[] hashes = new int[SLOTS];

    /** The string of {@code length} chars at {@code offset}, the one read before when its slots still hold it. */
    String of(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int first = firstSlot(hash);
        for (int slot = first; slot <= first + 1; slot++) {
            String held = slots[slot];
            if (hashes[slot] == hash && held != null && sameChars(held, chars, offset, length)) {
                return held;
            }
        }
        return take(first, hash, new String(chars, offset, length));
    }

    /** The same for a text of ASCII bytes (each byte its char). */
    String of(byte[] ascii, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + ascii[i];
        }
        int first = firstSlot(hash);
        for (int slot = first; slot <= first + 1; slot++) {
            String held = slots[slot];
            if (hashes[slot] == hash && held != null && sameChars(held, ascii, offset, length)) {
                return held;
            }
        }
        return take(first, hash, new String(ascii, offset, length, StandardCharsets.ISO_8859_1));
    }

    /** The first of the two slots of a hash (even). */
    static int firstSlot(int hash) {
        return (hash ^ (hash >>> 16)) & (SLOTS - 2);
    }

    private String take(int first, int hash, String made) {
        slots[first + 1] = slots[first];
        hashes[first + 1] = hashes[first];
        slots[first] = made;
        hashes[first] = hash;
        return made;
    }

    private static boolean sameChars(String s, byte[] ascii, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != ascii[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameChars(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
