package io.airlines.stream;

import java.util.Arrays;

/**
 * A JSON object's fields written straight to UTF-8 bytes into a buffer that is used again, for
 * the wire format's writer ({@link PositionWire}): texts escaped as before (quote, backslash,
 * controls as {@code \\uXXXX}), numbers as {@link Double#toString} and {@link Long#toString} write them.
 */
final class JsonBytes {

    /** Whole doubles below this are written as their digits and ".0", as {@link Double#toString} does. */
    private static final double PLAIN_WHOLE = 1e7;
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf = new byte[1024];
    private int size;

    JsonBytes clear() {
        size = 0;
        return this;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    JsonBytes ascii(char c) {
        room(1);
        buf[size++] = (byte) c;
        return this;
    }

    JsonBytes text(String name, String value) {
        name(name);
        if (value == null) {
            return bytes(NULL);
        }
        room(value.length() * 6 + 2);
        buf[size++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                buf[size++] = '\\';
                buf[size++] = (byte) c;
            } else if (c < 0x20) {
                buf[size++] = '\\';
                buf[size++] = 'u';
                buf[size++] = '0';
                buf[size++] = '0';
                buf[size++] = HEX[c >> 4];
                buf[size++] = HEX[c & 0xf];
            } else if (c < 0x80) {
                buf[size++] = (byte) c;
            } else {
                i = utf8(value, i);
            }
        }
        buf[size++] = '"';
        return this;
    }

    JsonBytes number(String name, Double value) {
        name(name);
        if (value == null || value.isNaN() || value.isInfinite()) {
            return bytes(NULL);
        }
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < PLAIN_WHOLE && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0)) {
            digits((long) v);
            room(2);
            buf[size++] = '.';
            buf[size++] = '0';
            return this;
        }
        String text = Double.toString(v);
        room(text.length());
        ascii(text);
        return this;
    }

    JsonBytes whole(String name, Number value) {
        name(name);
        if (value == null) {
            return bytes(NULL);
        }
        digits(value.longValue());
        return this;
    }

    JsonBytes whole(String name, long value) {
        name(name);
        digits(value);
        return this;
    }

    JsonBytes literal(String name, Boolean value) {
        name(name);
        return bytes(value == null ? NULL : value ? TRUE : FALSE);
    }

    private void name(String name) {
        room(name.length() + 3);
        buf[size++] = '"';
        ascii(name);
        buf[size++] = '"';
        buf[size++] = ':';
    }

    /** Text known to be ASCII (field names, numbers), one byte a char, into room made for it. */
    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            buf[size++] = (byte) text.charAt(i);
        }
    }

    private JsonBytes bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    private void digits(long v) {
        room(20);
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        if (v < 0) {
            buf[size++] = '-';
            v = -v;
        }
        int start = size;
        do {
            buf[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    /** Writes the character at {@code i} (a pair of surrogates as one code point) as UTF-8; returns the last index used. */
    private int utf8(String value, int i) {
        char c = value.charAt(i);
        if (c < 0x800) {
            buf[size++] = (byte) (0xc0 | c >> 6);
            buf[size++] = (byte) (0x80 | c & 0x3f);
            return i;
        }
        if (!Character.isSurrogate(c)) {
            buf[size++] = (byte) (0xe0 | c >> 12);
            buf[size++] = (byte) (0x80 | c >> 6 & 0x3f);
            buf[size++] = (byte) (0x80 | c & 0x3f);
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, value.charAt(i + 1));
            buf[size++] = (byte) (0xf0 | cp >> 18);
            buf[size++] = (byte) (0x80 | cp >> 12 & 0x3f);
            buf[size++] = (byte) (0x80 | cp >> 6 & 0x3f);
            buf[size++] = (byte) (0x80 | cp & 0x3f);
            return i + 1;
        }
        // A lone surrogate, as String.getBytes(UTF_8) writes it.
        buf[size++] = '?';
        return i;
    }

    private void room(int bytes) {
        if (size + bytes > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + bytes));
        }
    }
}
