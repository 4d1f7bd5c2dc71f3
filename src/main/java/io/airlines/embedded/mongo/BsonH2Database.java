package io.airlines.embedded.mongo;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose collections keep their documents as BSON bytes ({@link BsonH2Collection}) and
 * whose unique indexes order their keys as MongoDB does ({@link KeyValueType}) and answer ranges
 * ({@link OrderedUniqueIndex}). Map names are
 * those of {@link H2Database}; the value and key types are not, hence {@link #FORMAT}.
 */
final class BsonH2Database extends H2Database {

    /** Recorded in the file, so that a file in H2Database's own format is refused, not misread. */
    static final String FORMAT = "bson-1";

    /**
     * Collections whose new documents are keyed by a sequence ({@link BsonH2Collection}): the track
     * segments, inserted a segment per flight per write with ids spread over the whole collection
     * and seldom updated. The others keep their {@code _id} as key: their writers update them in
     * rounds in {@code _id} order (states, legs, cursors), so a command touches neighbouring pages;
     * keyed by sequence the same updates scatter over the map, and bench pipeline's store writes
     * more than twice the bytes.
     */
    static final Set<String> SEQUENCE_KEYED = Set.of("positions");

    private static final Field STORE = storeField();

    BsonH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    /** H2Database's own; its constructor already opens collections, before a field here could be set. */
    private MVStore store() {
        try {
            return (MVStore) STORE.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A find without a sort that no index answers is read batch by batch ({@link ScanCursor}). */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        if (command.equalsIgnoreCase("find")) {
            Document answer = findByScan(channel, query);
            if (answer != null) {
                return answer;
            }
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    private Document findByScan(Channel channel, Document query) {
        Object sort = query.get("sort");
        boolean storedOrder = sort == null || sort instanceof Document order
                && (order.isEmpty() || order.size() == 1 && Integer.valueOf(1).equals(number(order, "$natural")));
        Integer skip = number(query, "skip");
        Integer limit = number(query, "limit");
        Integer batchSize = number(query, "batchSize");
        // Anything else (a sort, a negative or odd number) mongo-java-server answers, or refuses, as it does.
        if (!storedOrder || skip == null || skip < 0 || limit == null || limit < 0 || batchSize == null || batchSize < 0
                || !(query.get("find") instanceof String name)
                || !(resolveCollection(name, false) instanceof BsonH2Collection collection)) {
            return null;
        }
        Document filter = query.get("filter") instanceof Document f ? f : new Document();
        ScanCursor cursor = collection.scan(cursorRegistry.generateCursorId(), filter, (Document) query.get("projection"),
                skip, limit);
        if (cursor == null) {
            return null;
        }
        clearLastStatus(channel);
        List<Document> firstBatch = cursor.takeDocuments(batchSize > 0 ? batchSize : ScanCursor.FIRST_BATCH);
        long id = 0;
        if (!cursor.isEmpty() && !Boolean.TRUE.equals(query.get("singleBatch"))) {
            cursorRegistry.add(cursor);
            id = cursor.getId();
        }
        Document answer = new Document("cursor", new Document("id", id).append("ns", collection.getFullName())
                .append("firstBatch", firstBatch));
        answer.put("ok", 1.0);
        return answer;
    }

    /** A number of the command as an int, 0 when absent; null when not a number. */
    private static Integer number(Document document, String key) {
        Object value = document.getOrDefault(key, 0);
        return value instanceof Number n ? n.intValue() : null;
    }

    /** The same map names as {@link H2Database}, with documents as their BSON bytes in the data map. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, byte[]> data = store().openMap("databases." + namespace,
                new MVMap.Builder<Object, byte[]>().valueType(StoredBsonType.INSTANCE));
        MVMap<String, Object> meta = store().openMap("meta." + namespace);
        return new BsonH2Collection(this, collectionName, options, data, meta, cursorRegistry,
                SEQUENCE_KEYED.contains(collectionName));
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVMap<KeyValue, Object> map = store().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        return new OrderedUniqueIndex(map, indexName, keys, sparse);
    }

    /**
     * The store keeps no secondary index (queries that are not on a unique one scan), so the index
     * declared holds nothing. mongo-java-server builds an index that says it is empty from every
     * document of its collection, twice, whenever the collection opens: for an index that holds
     * nothing that is a whole read of the collection at every start, for nothing.
     */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return new IgnoredIndex(indexName, keys);
    }

    /** Holds nothing and never needs building. */
    static final class IgnoredIndex extends EmptyIndex<Object> {

        IgnoredIndex(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    private static Field storeField() {
        try {
            Field f = H2Database.class.getDeclaredField("mvStore");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("mongo-java-server changed H2Database's fields", e);
        }
    }
}
