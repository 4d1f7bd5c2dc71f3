package io.airlines.stream;

import java.nio.charset.StandardCharsets;

/**
 * One string for each text that positions repeat: a flight's key, callsign, flight number and
 * registration come back in every record of the flight, airports, airlines, types and sources in
 * thousands of records. Read as new strings each time, the positions the live view, the sink's
 * state round and the legs keep at world scale held about two million strings, most of them
 * copies, and decoding made two objects per text per record for the collector.
 * <p>
 * A table of slots chosen by hash, without locks: a slot holds the last string read for its
 * hash, and a text whose slot holds another is made anew and takes the slot. Threads may race
 * on a slot; a string is immutable and safely published through its final fields, so a reader
 * sees either string, each whole, and the worst outcome of a race is one more copy.
 */
final class SharedTexts {

    /** About five slots per distinct text at 25,000 aircraft (key, callsign, flight number, registration each). */
    private static final int SLOTS = 1 << 19;

    private final String[] slots = new String[SLOTS];

    /** The string of {@code length} chars at {@code offset}, the one read before when its slot still holds it. */
    String of(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String held = slots[slot];
        if (held != null && held.hashCode() == hash && sameChars(held, chars, offset, length)) {
            return held;
        }
        String made = new String(chars, offset, length);
        slots[slot] = made;
        return made;
    }

    /** The same for a text of ASCII bytes (each byte its char). */
    String of(byte[] ascii, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + ascii[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String held = slots[slot];
        if (held != null && held.hashCode() == hash && sameChars(held, ascii, offset, length)) {
            return held;
        }
        String made = new String(ascii, offset, length, StandardCharsets.ISO_8859_1);
        slots[slot] = made;
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
