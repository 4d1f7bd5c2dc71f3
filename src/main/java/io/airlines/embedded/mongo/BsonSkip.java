package io.airlines.embedded.mongo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import de.bwaldvogel.mongo.wire.BsonConstants;

/** Moving through stored BSON, which was checked when written, without decoding it. */
final class BsonSkip {

    private BsonSkip() {
    }

    /** Where the NUL ending the string at {@code at} is. */
    static int cStringEnd(byte[] b, int at) {
        int end = at;
        while (b[end] != 0) {
            end++;
        }
        return end;
    }

    /** Whether the NUL-terminated name at {@code at} is {@code name}. */
    static boolean nameIs(byte[] b, int at, String name) {
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                int end = cStringEnd(b, at);
                return name.equals(new String(b, at, end - at, StandardCharsets.UTF_8));
            }
            if (b[at + i] != c) {
                return false;
            }
        }
        return b[at + length] == 0;
    }

    /** The bytes of a value of {@code type} when they are always as many; else -1. */
    static int fixedLength(byte type) {
        return switch (type) {
            case BsonConstants.TYPE_DOUBLE, BsonConstants.TYPE_UTC_DATETIME, BsonConstants.TYPE_TIMESTAMP,
                 BsonConstants.TYPE_INT64 -> 8;
            case BsonConstants.TYPE_INT32 -> 4;
            case BsonConstants.TYPE_OBJECT_ID -> 12;
            case BsonConstants.TYPE_DECIMAL128 -> 16;
            case BsonConstants.TYPE_BOOLEAN -> 1;
            case BsonConstants.TYPE_UNDEFINED, BsonConstants.TYPE_NULL, BsonConstants.TYPE_MAX_KEY,
                 BsonConstants.TYPE_MIN_KEY -> 0;
            default -> -1;
        };
    }

    /** The bytes of the value of {@code type} at {@code at} ({@code b} little-endian). */
    static int valueLength(ByteBuffer b, byte type, int at) {
        int fixed = fixedLength(type);
        if (fixed >= 0) {
            return fixed;
        }
        return switch (type) {
            case BsonConstants.TYPE_UTF8_STRING, BsonConstants.TYPE_JAVASCRIPT_CODE -> 4 + b.getInt(at);
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT, BsonConstants.TYPE_ARRAY -> b.getInt(at);
            case BsonConstants.TYPE_DATA -> 4 + 1 + b.getInt(at);
            case BsonConstants.TYPE_REGEX -> {
                int options = cStringEnd(b.array(), at) + 1;
                yield cStringEnd(b.array(), options) + 1 - at;
            }
            default -> throw new IllegalArgumentException("unknown type: 0x" + Integer.toHexString(type & 0xff));
        };
    }
}
