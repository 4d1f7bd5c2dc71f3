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
 * each had them replace each other at every record. Each slot holds an {@link Entry} that knows its
 * text's bytes when there are eight or fewer ({@link #head}): such a text, most of them (keys,
 * callsigns, flight numbers, airports, registrations), is found without reading its string, whose
 * object and chars were two more cache misses at each of the 13 texts of a record for each of the
 * four readers. Without locks: threads may race on a slot; an entry is immutable and safely
 * published through its final fields, so a reader gets either entry, each whole, and the worst
 * outcome of a race is one more copy.
 */
final class SharedTexts {

    /** About five slots per distinct text at 25,000 aircraft (key, callsign, flight number, registration, squawk). */
    private static final int FLIGHT_SLOTS = 1 << 19;
    /** About five slots per text for some 4,000 airports, 1,000 airlines (code and name), types and countries. */
    private static final int COMMON_SLOTS = 1 << 15;
    /** The head of a text that is longer than eight chars or not plain ASCII: its chars decide. */
    private static final long LONG_TEXT = -1L;

    private final Entry[] slots;
    private final int slotBits;

    private SharedTexts(int slots) {
        this.slots = new Entry[slots];
        this.slotBits = Integer.numberOfTrailingZeros(slots);
    }

    /** For the texts of one flight: key, callsign, flight number, squawk, registration. */
    static SharedTexts forFlights() {
        return new SharedTexts(FLIGHT_SLOTS);
    }

    /**
     * For the texts many flights share (airline, airports, phase, source, type, country): a table
     * small enough to stay in the processor's caches, where among the flights' own texts each of
     * its slots was a miss like theirs.
     */
    static SharedTexts forCommonTexts() {
        return new SharedTexts(COMMON_SLOTS);
    }

    /**
     * A text, its head, and for a text whose head is {@link #LONG_TEXT} the hash of its chars.
     * ASCII chars other than NUL are 1 to 127, so a text of at most eight of them is its head.
     */
    private record Entry(long head, int hash, String text) {
    }

    /** The string of {@code length} chars at {@code offset}, the one read before when its slots still hold it. */
    String of(char[] chars, int offset, int length) {
        long head = head(chars, offset, length);
        int hash = head == LONG_TEXT ? hash(chars, offset, length) : 0;
        String held = held(head, hash, chars, offset, length);
        return held != null ? held : take(head, hash, new String(chars, offset, length));
    }

    /** The same for a text of ASCII bytes (each byte its char). */
    String of(byte[] ascii, int offset, int length) {
        long head = head(ascii, offset, length);
        int hash = head == LONG_TEXT ? hash(ascii, offset, length) : 0;
        String held = held(head, hash, ascii, offset, length);
        return held != null ? held : take(head, hash, new String(ascii, offset, length, StandardCharsets.ISO_8859_1));
    }

    /** The string the slots of this text hold for it, or null; {@code text} is a char[] or a byte[]. */
    private String held(long head, int hash, Object text, int offset, int length) {
        int first = firstSlot(head, hash);
        for (int slot = first; slot <= first + 1; slot++) {
            Entry held = slots[slot];
            if (held != null && held.head == head && held.hash == hash
                    && (head != LONG_TEXT || sameChars(held.text, text, offset, length))) {
                return held.text;
            }
        }
        return null;
    }

    /** The first of the two slots (even) of a text, as {@link #of} places it. */
    int firstSlotOf(String text) {
        char[] chars = text.toCharArray();
        long head = head(chars, 0, chars.length);
        return firstSlot(head, head == LONG_TEXT ? hash(chars, 0, chars.length) : 0);
    }

    private static long head(char[] chars, int offset, int length) {
        long head = length > 8 ? LONG_TEXT : 0;
        for (int i = offset; i < offset + length && head != LONG_TEXT; i++) {
            char c = chars[i];
            head = c == 0 || c > 127 ? LONG_TEXT : head << 8 | c;
        }
        return head;
    }

    private static long head(byte[] ascii, int offset, int length) {
        long head = length > 8 ? LONG_TEXT : 0;
        for (int i = offset; i < offset + length && head != LONG_TEXT; i++) {
            byte b = ascii[i];
            head = b <= 0 ? LONG_TEXT : head << 8 | b;
        }
        return head;
    }

    /** {@link String#hashCode} of the text (bytes as ISO-8859-1 chars, as the strings made of them). */
    private static int hash(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        return hash;
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + (bytes[i] & 0xff);
        }
        return hash;
    }

    /** Fibonacci hashing: the texts of one family (keys, callsigns) differ in their last chars, and their heads by little. */
    private int firstSlot(long head, int hash) {
        long mixed = (head == LONG_TEXT ? hash : head) * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> (64 - slotBits)) & (slots.length - 2);
    }

    private String take(long head, int hash, String made) {
        int first = firstSlot(head, hash);
        slots[first + 1] = slots[first];
        slots[first] = new Entry(head, hash, made);
        return made;
    }

    private static boolean sameChars(String s, Object text, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = text instanceof byte[] bytes ? bytes[offset + i] & 0xff : ((char[]) text)[offset + i];
            if (s.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }
}
