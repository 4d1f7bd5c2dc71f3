package io.airlines.embedded.mongo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import de.bwaldvogel.mongo.wire.BsonConstants;

/**
 * Checks that bytes hold one BSON document the store can read back, without building it: the
 * lengths agree, every type is one mongo-java-server decodes (the same binary subtypes, booleans,
 * terminators), no document repeats a field name. A document kept as the client sent it
 * ({@link RawInsert}) is read only later, by every find, so what would fail then is refused now,
 * as decoding it at once would have.
 */
final class BsonCheck {

    /** MongoDB's limit: a document nested deeper is refused, not walked until the stack runs out. */
    static final int MAX_DEPTH = 100;
    /** Names compared pair by pair up to this many in one document; a set beyond (rare). */
    private static final int PAIRWISE_NAMES = 32;

    private final byte[] b;
    private int pos;
    /** Where each name of the documents being walked starts; a document's are above its parent's. */
    private int[] names = new int[64];
    private int nameCount;
    private int idAt = -1;
    private int depth;

    private BsonCheck(byte[] bson) {
        this.b = bson;
    }

    /**
     * Checks {@code bson} and answers where the type byte of its top-level {@code _id} is; -1 when it
     * has none.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static int idTypeAt(byte[] bson) {
        BsonCheck check = new BsonCheck(bson);
        int length = check.document(false, true);
        if (length != bson.length) {
            throw new IllegalArgumentException("illegal BSON object: " + bson.length + " bytes hold " + length);
        }
        return check.idAt;
    }

    /** Walks the document at {@link #pos}; answers its length. */
    private int document(boolean array, boolean top) {
        int start = pos;
        int length = int32(b.length);
        int end = start + length;
        if (length < 5 || end > b.length || end < start) {
            throw new IllegalArgumentException("illegal BSON object: its length says " + length + ", "
                    + (b.length - start) + " bytes are left");
        }
        int firstName = nameCount;
        Set<String> manyNames = null;
        while (true) {
            byte type = byte1(end);
            if (type == BsonConstants.TERMINATING_BYTE) {
                break;
            }
            int name = pos;
            skipCString(end);
            if (!array) {
                manyNames = unique(name, firstName, manyNames);
            }
            if (top && idAt < 0 && BsonSkip.nameIs(b, name, "_id")) {
                idAt = name - 1;
            }
            value(type, end);
        }
        nameCount = firstName;
        if (pos != end) {
            throw new IllegalArgumentException("illegal BSON object: its length says " + length + ", it ends at "
                    + (pos - start));
        }
        return length;
    }

    /** Refuses a name the document already has, as mongo-java-server's decoder does. */
    private Set<String> unique(int name, int firstName, Set<String> manyNames) {
        int count = nameCount - firstName;
        if (count < PAIRWISE_NAMES) {
            for (int i = firstName; i < nameCount; i++) {
                if (sameCString(names[i], name)) {
                    throw duplicate(name);
                }
            }
            if (nameCount == names.length) {
                names = Arrays.copyOf(names, names.length * 2);
            }
            names[nameCount++] = name;
            return null;
        }
        Set<String> seen = manyNames;
        if (seen == null) {
            seen = new HashSet<>();
            for (int i = firstName; i < nameCount; i++) {
                seen.add(cString(names[i]));
            }
        }
        if (!seen.add(cString(name))) {
            throw duplicate(name);
        }
        return seen;
    }

    private IllegalArgumentException duplicate(int name) {
        return new IllegalArgumentException("Document already contains field '" + cString(name) + "'");
    }

    private void value(byte type, int end) {
        switch (type) {
            case BsonConstants.TYPE_DOUBLE, BsonConstants.TYPE_UTC_DATETIME, BsonConstants.TYPE_TIMESTAMP,
                 BsonConstants.TYPE_INT64, BsonConstants.TYPE_INT32, BsonConstants.TYPE_OBJECT_ID,
                 BsonConstants.TYPE_DECIMAL128, BsonConstants.TYPE_UNDEFINED, BsonConstants.TYPE_NULL,
                 BsonConstants.TYPE_MAX_KEY, BsonConstants.TYPE_MIN_KEY -> skip(BsonSkip.fixedLength(type), end);
            case BsonConstants.TYPE_UTF8_STRING, BsonConstants.TYPE_JAVASCRIPT_CODE -> string(end);
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> nested(false, end);
            case BsonConstants.TYPE_ARRAY -> nested(true, end);
            case BsonConstants.TYPE_DATA -> binary(end);
            case BsonConstants.TYPE_BOOLEAN -> {
                byte value = byte1(end);
                if (value != BsonConstants.BOOLEAN_VALUE_FALSE && value != BsonConstants.BOOLEAN_VALUE_TRUE) {
                    throw new IllegalArgumentException("Illegal boolean value:" + value);
                }
            }
            case BsonConstants.TYPE_REGEX -> {
                skipCString(end);
                skipCString(end);
            }
            default -> throw new IllegalArgumentException("unknown type: 0x" + Integer.toHexString(type & 0xff));
        }
    }

    private void nested(boolean array, int end) {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("BSON document nested more than " + MAX_DEPTH + " levels");
        }
        int start = pos;
        int length = document(array, false);
        depth--;
        if (start + length > end) {
            throw new IllegalArgumentException("illegal BSON object: a field's value runs past its document");
        }
    }

    private void string(int end) {
        int length = int32(end);
        if (length < 1 || length > end - pos) {
            throw new IllegalArgumentException("illegal BSON string: its length says " + length);
        }
        pos += length;
        if (b[pos - 1] != 0) {
            throw new IllegalArgumentException("Unexpected trailing byte: " + b[pos - 1]);
        }
    }

    private void binary(int end) {
        int length = int32(end);
        byte subtype = byte1(end);
        switch (subtype) {
            case BsonConstants.BINARY_SUBTYPE_GENERIC, BsonConstants.BINARY_SUBTYPE_USER_DEFINED -> {
                if (length < 0) {
                    throw new IllegalArgumentException("Illegal length: " + length);
                }
            }
            case BsonConstants.BINARY_SUBTYPE_OLD_UUID, BsonConstants.BINARY_SUBTYPE_UUID -> {
                if (length != BsonConstants.LENGTH_UUID) {
                    throw new IllegalArgumentException("Illegal length: " + length);
                }
            }
            default -> throw new IllegalArgumentException("Unknown subtype: " + subtype);
        }
        skip(length, end);
    }

    private boolean sameCString(int x, int y) {
        while (b[x] == b[y]) {
            if (b[x] == 0) {
                return true;
            }
            x++;
            y++;
        }
        return false;
    }

    private String cString(int at) {
        return new String(b, at, BsonSkip.cStringEnd(b, at) - at, StandardCharsets.UTF_8);
    }

    private void skipCString(int end) {
        while (true) {
            if (byte1(end) == 0) {
                return;
            }
        }
    }

    private byte byte1(int end) {
        if (pos >= end) {
            throw tooShort();
        }
        return b[pos++];
    }

    private int int32(int end) {
        if (end - pos < 4) {
            throw tooShort();
        }
        int value = (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | (b[pos + 3] & 0xff) << 24;
        pos += 4;
        return value;
    }

    private void skip(int count, int end) {
        if (count > end - pos) {
            throw tooShort();
        }
        pos += count;
    }

    private static IllegalArgumentException tooShort() {
        return new IllegalArgumentException("illegal BSON object: it ends inside a value");
    }
}
