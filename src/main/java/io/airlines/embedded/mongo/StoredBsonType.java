package io.airlines.embedded.mongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A collection's documents as the H2 map holds them: their BSON bytes, in memory as in the file.
 * <p>
 * Kept decoded, every document of a page was encoded again each time the page was written, and H2
 * writes a changed page whole at every commit: one document written re-encoded its neighbours,
 * a third of the store's work at world scale. Decoded documents also filled the heap with maps,
 * boxed numbers and field names the collector had to walk. Now a document is encoded once when
 * written and decoded when read; a page write copies bytes.
 */
final class StoredBsonType extends BasicDataType<byte[]> {

    static final StoredBsonType INSTANCE = new StoredBsonType();

    private StoredBsonType() {
    }

    @Override
    public void write(WriteBuffer out, byte[] bson) {
        out.put(bson);
    }

    /** A BSON document starts with its own length, which the file format relies on. */
    @Override
    public byte[] read(ByteBuffer in) {
        int length = in.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < 5 || length > in.remaining()) {
            throw new IllegalArgumentException("illegal BSON object: its length says " + length + ", "
                    + in.remaining() + " bytes are left");
        }
        byte[] bson = new byte[length];
        in.get(bson);
        return bson;
    }

    /** Values are only compared for equality (conditional replace), never ordered. */
    @Override
    public int compare(byte[] a, byte[] b) {
        return Arrays.equals(a, b) ? 0 : 1;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }

    @Override
    public int getMemory(byte[] bson) {
        return 16 + bson.length;
    }
}
