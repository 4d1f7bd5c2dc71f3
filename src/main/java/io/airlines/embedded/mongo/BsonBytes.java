package io.airlines.embedded.mongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The same BSON as mongo-java-server's {@link BsonEncoder} and {@link BsonDecoder}, byte for byte,
 * without their detours: they pass every array through a hash map keyed "0", "1", … (built,
 * looked up key by key, then copied), look every field of a document up again by name, and go
 * through a netty buffer. H2 encodes a page's documents again each time it writes the page, so
 * these detours weigh on every write. Types other than the common ones are handed
 * to mongo-java-server's own code.
 */
final class BsonBytes {

    private static final byte[][] INDEX_NAMES = new byte[1024][];

    static {
        for (int i = 0; i < INDEX_NAMES.length; i++) {
            INDEX_NAMES[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static final Name[] NAMES = new Name[4096];

    private static final ThreadLocal<Out> SCRATCH = ThreadLocal.withInitial(Out::new);

    private BsonBytes() {
    }

    /** A growable little-endian byte array, reused by the thread that encodes. */
    static final class Out {
        private byte[] bytes = new byte[4096];
        private int size;

        byte[] bytes() {
            return bytes;
        }

        int size() {
            return size;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        private void put(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        private void putInt(int v) {
            ensure(4);
            putIntAt(size, v);
            size += 4;
        }

        private void putIntAt(int at, int v) {
            bytes[at] = (byte) v;
            bytes[at + 1] = (byte) (v >>> 8);
            bytes[at + 2] = (byte) (v >>> 16);
            bytes[at + 3] = (byte) (v >>> 24);
        }

        private void putLong(long v) {
            ensure(8);
            for (int i = 0; i < 8; i++) {
                bytes[size++] = (byte) (v >>> (8 * i));
            }
        }

        private void put(byte[] b, int from, int length) {
            ensure(length);
            System.arraycopy(b, from, bytes, size, length);
            size += length;
        }

        /** UTF-8 of {@code s}; returns the byte count. ASCII, by far the common case, is copied without a byte array. */
        private int putUtf8(String s) {
            int n = s.length();
            ensure(n);
            int start = size;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    size = start;
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    put(utf8, 0, utf8.length);
                    return utf8.length;
                }
                bytes[size++] = (byte) c;
            }
            return n;
        }
    }

    /** The document's BSON in the calling thread's scratch buffer, valid until its next call. */
    static Out encode(Map<String, ?> document) {
        Out out = SCRATCH.get();
        out.size = 0;
        document(out, document);
        return out;
    }

    private static void document(Out out, Map<String, ?> document) {
        int start = out.size;
        out.putInt(0);
        for (Map.Entry<String, ?> e : document.entrySet()) {
            Object value = e.getValue();
            out.put(type(value));
            out.putUtf8(e.getKey());
            out.put(BsonConstants.STRING_TERMINATION);
            value(out, value);
        }
        out.put(BsonConstants.TERMINATING_BYTE);
        out.putIntAt(start, out.size - start);
    }

    private static void array(Out out, Collection<?> values) {
        int start = out.size;
        out.putInt(0);
        int i = 0;
        for (Object value : values) {
            out.put(type(value));
            if (i < INDEX_NAMES.length) {
                out.put(INDEX_NAMES[i], 0, INDEX_NAMES[i].length);
            } else {
                out.putUtf8(Integer.toString(i));
            }
            out.put(BsonConstants.STRING_TERMINATION);
            value(out, value);
            i++;
        }
        out.put(BsonConstants.TERMINATING_BYTE);
        out.putIntAt(start, out.size - start);
    }

    private static byte type(Object value) {
        if (value == null) {
            return BsonConstants.TYPE_NULL;
        }
        if (value instanceof Double) {
            return BsonConstants.TYPE_DOUBLE;
        }
        if (value instanceof String) {
            return BsonConstants.TYPE_UTF8_STRING;
        }
        if (value instanceof Long) {
            return BsonConstants.TYPE_INT64;
        }
        if (value instanceof Integer) {
            return BsonConstants.TYPE_INT32;
        }
        if (value instanceof Boolean) {
            return BsonConstants.TYPE_BOOLEAN;
        }
        return BsonEncoder.determineType(value);
    }

    @SuppressWarnings("unchecked")
    private static void value(Out out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Double d) {
            out.putLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof String s) {
            int at = out.size;
            out.putInt(0);
            int length = out.putUtf8(s);
            out.put(BsonConstants.STRING_TERMINATION);
            out.putIntAt(at, length + 1);
        } else if (value instanceof Long l) {
            out.putLong(l);
        } else if (value instanceof Integer i) {
            out.putInt(i);
        } else if (value instanceof Boolean b) {
            out.put(b ? BsonConstants.BOOLEAN_VALUE_TRUE : BsonConstants.BOOLEAN_VALUE_FALSE);
        } else if (value instanceof Instant t) {
            out.putLong(t.toEpochMilli());
        } else if (value instanceof Map<?, ?> map) {
            document(out, (Map<String, ?>) map);
        } else if (value instanceof Collection<?> values) {
            array(out, values);
        } else {
            ByteBuf buf = Unpooled.buffer(32);
            try {
                BsonEncoder.encodeValue(BsonEncoder.determineType(value), value, buf);
                int n = buf.readableBytes();
                out.ensure(n);
                buf.readBytes(out.bytes, out.size, n);
                out.size += n;
            } finally {
                buf.release();
            }
        }
    }

    /** Reads one document from {@code in}'s position on, and moves the position past it. */
    static Document decode(ByteBuffer in) {
        ByteBuffer b = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (!b.hasArray()) {
            // Strings are read from the backing array: a direct or read-only buffer is copied first.
            ByteBuffer copy = ByteBuffer.allocate(b.remaining()).order(ByteOrder.LITTLE_ENDIAN);
            copy.put(b.duplicate()).flip();
            b = copy;
        }
        Document d = document(b);
        in.position(in.position() + b.position());
        return d;
    }

    private static Document document(ByteBuffer b) {
        int end = b.position() + b.getInt();
        Document document = new Document();
        byte type;
        while ((type = b.get()) != BsonConstants.TERMINATING_BYTE) {
            String name = cString(b);
            if (document.put(name, value(type, b)) != null) {
                throw new IllegalArgumentException("Document already contains field '" + name + "'");
            }
        }
        if (b.position() != end) {
            throw new IllegalArgumentException("illegal BSON object: its length says " + end + ", it ends at " + b.position());
        }
        return document;
    }

    private static List<Object> array(ByteBuffer b) {
        int end = b.position() + b.getInt();
        List<Object> values = new ArrayList<>();
        byte type;
        while ((type = b.get()) != BsonConstants.TERMINATING_BYTE) {
            skipCString(b);
            values.add(value(type, b));
        }
        if (b.position() != end) {
            throw new IllegalArgumentException("illegal BSON array: its length says " + end + ", it ends at " + b.position());
        }
        return values;
    }

    private static Object value(byte type, ByteBuffer b) {
        switch (type) {
            case BsonConstants.TYPE_DOUBLE:
                return b.getDouble();
            case BsonConstants.TYPE_UTF8_STRING: {
                int length = b.getInt();
                String s = new String(b.array(), b.arrayOffset() + b.position(), length - 1, StandardCharsets.UTF_8);
                b.position(b.position() + length);
                return s;
            }
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT:
                return document(b);
            case BsonConstants.TYPE_ARRAY:
                return array(b);
            case BsonConstants.TYPE_NULL:
            case BsonConstants.TYPE_UNDEFINED:
                return null;
            case BsonConstants.TYPE_BOOLEAN:
                return b.get() == BsonConstants.BOOLEAN_VALUE_TRUE;
            case BsonConstants.TYPE_UTC_DATETIME:
                return Instant.ofEpochMilli(b.getLong());
            case BsonConstants.TYPE_INT32:
                return b.getInt();
            case BsonConstants.TYPE_INT64:
                return b.getLong();
            default: {
                ByteBuf buf = Unpooled.wrappedBuffer(b.slice());
                Object value = BsonDecoder.decodeValue(type, buf);
                b.position(b.position() + buf.readerIndex());
                return value;
            }
        }
    }

    /**
     * A field name, the same string each time it is read: a collection's documents repeat a few
     * dozen names, and every read decodes its documents.
     */
    private static String cString(ByteBuffer b) {
        int start = b.position();
        int length = skipCString(b) - start;
        byte[] array = b.array();
        int from = b.arrayOffset() + start;
        int hash = 1;
        for (int i = from; i < from + length; i++) {
            hash = 31 * hash + array[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (NAMES.length - 1);
        // Races on a slot are harmless: a Name is immutable, so a reader sees one whole or the other.
        Name held = NAMES[slot];
        if (held != null && Arrays.equals(held.utf8(), 0, held.utf8().length, array, from, from + length)) {
            return held.text();
        }
        Name read = new Name(Arrays.copyOfRange(array, from, from + length),
                new String(array, from, length, StandardCharsets.UTF_8));
        NAMES[slot] = read;
        return read.text();
    }

    private record Name(byte[] utf8, String text) {
    }

    /** Moves past a NUL-terminated string; returns where its NUL is. */
    private static int skipCString(ByteBuffer b) {
        int end = b.position();
        while (b.get(end) != 0) {
            end++;
        }
        b.position(end + 1);
        return end;
    }
}
