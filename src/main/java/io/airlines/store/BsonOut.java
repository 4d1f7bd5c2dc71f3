package io.airlines.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;

import org.bson.RawBsonDocument;

/**
 * A BSON document written field by field into a growing array: what {@link TrackBson} and
 * {@link StateBson} write their documents with, bypassing the driver's {@code Document} maps and
 * codecs. Field names are ASCII.
 */
final class BsonOut {

    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    static final byte DOCUMENT = 0x03;
    static final byte ARRAY = 0x04;
    private static final byte BOOLEAN = 0x08;
    private static final byte DATE = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;

    private byte[] buf;
    private int size;

    BsonOut(int capacity) {
        buf = new byte[capacity];
    }

    /** Opens the top-level document; returns where it starts, for {@link #end}. */
    int startDocument() {
        int at = size;
        int32Raw(0);
        return at;
    }

    /** Opens a document or array ({@link #DOCUMENT}, {@link #ARRAY}) as a field. */
    int startDocument(byte type, String name) {
        name(type, name);
        return startDocument();
    }

    /** Closes a document or array: its terminating zero, then its length where it started. */
    void end(int at) {
        put((byte) 0);
        int length = size - at;
        buf[at] = (byte) length;
        buf[at + 1] = (byte) (length >>> 8);
        buf[at + 2] = (byte) (length >>> 16);
        buf[at + 3] = (byte) (length >>> 24);
    }

    void string(String name, String value) {
        name(STRING, name);
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int32Raw(utf8.length + 1);
        put(utf8);
        put((byte) 0);
    }

    void date(String name, long millis) {
        name(DATE, name);
        int64Raw(millis);
    }

    void int32(String name, int value) {
        name(INT32, name);
        int32Raw(value);
    }

    void int64(String name, long value) {
        name(INT64, name);
        int64Raw(value);
    }

    void dbl(String name, double value) {
        name(DOUBLE, name);
        int64Raw(Double.doubleToRawLongBits(value));
    }

    void bool(String name, boolean value) {
        name(BOOLEAN, name);
        put(value ? (byte) 1 : (byte) 0);
    }

    void nul(String name) {
        name(NULL, name);
    }

    /** The value, or a null when there is none: what the driver writes for a {@code Document}'s null. */
    <T> void orNull(String name, T value, BiConsumer<String, T> write) {
        if (value == null) {
            nul(name);
        } else {
            write.accept(name, value);
        }
    }

    RawBsonDocument toDocument() {
        return new RawBsonDocument(buf, 0, size);
    }

    /** A type byte and a field name. */
    private void name(byte type, String name) {
        ensure(name.length() + 2);
        buf[size++] = type;
        for (int i = 0; i < name.length(); i++) {
            buf[size++] = (byte) name.charAt(i);
        }
        buf[size++] = 0;
    }

    private void int32Raw(int v) {
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
    }

    private void int64Raw(long v) {
        int32Raw((int) v);
        int32Raw((int) (v >>> 32));
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
