package io.airlines.embedded.mongo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Keys of a unique index (such as {@code _id}) in the H2 file, ordered as MongoDB orders values.
 * H2's default type cannot order them and compares their Java-serialized bytes instead: two object
 * streams per comparison, a dozen comparisons per lookup.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();
    private static final ValueComparator ORDER = ValueComparator.asc();
    private static final byte MISSING = 0;
    private static final byte PRESENT = 1;

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = ORDER.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public void write(WriteBuffer out, KeyValue key) {
        out.putVarInt(key.size());
        for (Object value : key) {
            if (value instanceof Missing) {
                out.put(MISSING);
            } else {
                out.put(PRESENT);
                BsonBytes.Out bson = BsonBytes.encode(new Document("v", value));
                out.put(bson.bytes(), 0, bson.size());
            }
        }
    }

    @Override
    public KeyValue read(ByteBuffer in) {
        int size = DataUtils.readVarInt(in);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.get() == MISSING ? Missing.getInstance() : BsonBytes.decode(in).get("v"));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 16;
        for (Object value : key) {
            size += value instanceof String s ? 8 + s.length() : 16;
        }
        return size;
    }
}
