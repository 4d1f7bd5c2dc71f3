package io.airlines.embedded.mongo;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores documents in the H2 file as BSON, the format they arrive in. H2's default value type
 * falls back to Java serialization for them: a new object stream, class descriptors and all, per
 * document, which costs far more CPU and bytes than the BSON itself.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        BsonBytes.Out bson = BsonBytes.encode(document);
        out.put(bson.bytes(), 0, bson.size());
    }

    @Override
    public Document read(ByteBuffer in) {
        return BsonBytes.decode(in);
    }

    /** Values are only compared for equality (conditional replace), never ordered. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * A cheap estimate of the decoded document's heap (entries, boxed values, strings): H2 sizes
     * its page cache by it, so an estimate below the truth would let the cache outgrow its budget.
     */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, estimate(document));
    }

    private static long estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            long size = 64;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += 72 + e.getKey().toString().length() + estimate(e.getValue());
            }
            return size;
        }
        if (value instanceof List<?> list) {
            long size = 40;
            for (Object item : list) {
                size += 8 + estimate(item);
            }
            return size;
        }
        if (value instanceof String s) {
            return 48 + s.length();
        }
        return 16;
    }
}
