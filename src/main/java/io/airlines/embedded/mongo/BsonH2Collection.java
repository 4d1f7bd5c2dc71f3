package io.airlines.embedded.mongo;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collection whose H2 map holds each document as its BSON bytes ({@link StoredBsonType}): encoded
 * once when written, decoded for each read, so a reader always gets a document of its own, which
 * the update path changes in place before it writes it back. Otherwise what mongo-java-server's
 * H2 collection does, with these changes:
 * <ul>
 * <li>no running total of the documents' BSON sizes, which only {@code collStats} reports: keeping
 * it encodes each inserted document once more to measure it, each updated one twice, and rewrites
 * the meta map. {@code collStats} reports the size last recorded; the size of the H2 file is the measure.</li>
 * <li>in a collection keyed by sequence ({@link BsonH2Database#SEQUENCE_KEYED}), a new document's key
 * in the data map is the next number of a sequence, not its {@code _id}: new documents go to the
 * end of the map, and a commit rewrites the few pages there, where documents keyed by {@code _id}
 * (a segment per flight) landed on every page and each commit compressed and wrote most of the
 * collection again. The {@code _id} index maps each {@code _id} to its key. Documents written
 * before keep their {@code _id} as key; the two kinds of key sort apart.</li>
 * <li>H2 commits whatever its maps hold when it commits (in the background, when its buffer is full,
 * when it compacts), so a crash may leave a document in the data without its entry in the
 * {@code _id} index: the store writes the document first, then its index entries. That document was
 * never acknowledged (its command had not ended), and its writer sends it again. Keyed by
 * {@code _id}, the insert then takes its place. Keyed by sequence, it can only be the collection's
 * last insert (inserts are one at a time per collection): it is removed before the collection
 * takes its next insert ({@link #nextKey()}).</li>
 * <li>a replacement of an existing document by its text {@code _id} ({@link ReplaceById}), the write
 * of every state round, leg and cursor, goes straight to the map: the generic update decodes the
 * stored document, clones it, compares the two maps twice and copies one into the other before it
 * encodes it again, which made the store's workers a quarter of the server's CPU under load. So does
 * an append to an array of one ({@link AppendById}), the sink's write of a flight's new points,
 * spliced into the stored bytes.</li>
 * <li>an inserted document is stored as the bytes the client sent ({@link RawInsert}) when the
 * {@code _id}'s is the collection's only index.</li>
 * </ul>
 */
final class BsonH2Collection extends AbstractSynchronizedMongoCollection<Object> {

    private static final Logger log = LoggerFactory.getLogger(BsonH2Collection.class);
    private static final String DATA_SIZE_KEY = "dataSize";

    private final MVMap<Object, byte[]> data;
    private final MVMap<String, Object> meta;
    private final boolean sequenceKeys;
    /** The greatest sequence key given out, or null until the first insert asks. */
    private Long lastKey;

    BsonH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, byte[]> data,
                     MVMap<String, Object> meta, CursorRegistry cursors, boolean sequenceKeys) {
        super(database, name, options, cursors);
        this.data = data;
        this.meta = meta;
        this.sequenceKeys = sequenceKeys;
        meta.putIfAbsent(DATA_SIZE_KEY, 0L);
    }

    /**
     * Inserted documents as the client sent them ({@link RawInsert}) when the {@code _id}'s is the
     * only index that holds anything; decoded first for the others, which index other fields.
     */
    @Override
    public synchronized List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
        if (getIdField() == null || soleIdIndex() == null) {
            RawInsert.decodedAll(documents);
        }
        return super.insertDocuments(documents, isOrdered);
    }

    /** Only called once the unique indexes said the id is new. */
    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() == null ? UUID.randomUUID()
                : sequenceKeys ? Long.valueOf(nextKey()) : Utils.getSubdocumentValue(document, getIdField());
        byte[] raw = RawInsert.bytes(document);
        // Only a key taken from the _id can meet a leftover: the others are new.
        byte[] leftover = data.put(Missing.ofNullable(key), raw != null ? raw : encoded(document));
        if (leftover != null) {
            log.warn("Document {} of {} was in the store file without its index entry (left by a crash mid-write): "
                    + "replaced by the one written again", key, getFullName());
        }
        return key;
    }

    /**
     * The key after the greatest one in the data map. The first time, the document under the
     * greatest key, the collection's last insert, is checked against the {@code _id} index: when the
     * index does not name it, a crash interrupted its insert, and it goes.
     */
    private long nextKey() {
        if (lastKey == null) {
            // Numbers sort between other numbers and texts: the floor of the greatest long is the greatest one given out.
            lastKey = 0L;
            if (data.floorKey(Long.MAX_VALUE) instanceof Long last) {
                lastKey = last;
                if (unindexed(last)) {
                    data.remove(last);
                    log.warn("Removed from {} a document written without its index entries (a crash mid-insert; "
                            + "its writer was not answered and sends it again)", getFullName());
                }
            }
        }
        lastKey = lastKey + 1;
        return lastKey;
    }

    private boolean unindexed(long key) {
        Index<Object> idIndex = idIndex();
        Document stored = getDocument(key);
        if (idIndex == null || stored == null || !stored.containsKey(getIdField())) {
            return false;
        }
        Object indexed = idIndex.getPosition(new Document(getIdField(), stored.get(getIdField())));
        return !Long.valueOf(key).equals(indexed);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean multi, boolean upsert, Oplog oplog) {
        ReplaceById replace = ReplaceById.of(selector, update, multi, arrayFilters, getIdField());
        AppendById append = replace != null ? null : AppendById.of(selector, update, multi, arrayFilters, getIdField());
        Index<Object> idIndex = replace == null && append == null ? null : soleIdIndex();
        Object position = idIndex == null ? null : idIndex.getPosition(selector);
        byte[] written = position == null ? null
                : replace != null ? encoded(replace.document()) : append.applyTo(data.get(position));
        if (written == null) {
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        // An append always changes its document; a replacement may leave it as it was.
        boolean modified = append != null || !Arrays.equals(data.get(position), written);
        if (modified) {
            data.put(position, written);
        }
        oplog.handleUpdate(getFullName(), selector, update, modified ? List.of(selector.get(getIdField())) : List.of());
        Document result = new Document("n", 1);
        result.put("nModified", modified ? 1 : 0);
        return result;
    }

    /**
     * The {@code _id} index, when no other index holds anything (so that a replacement keeping its
     * {@code _id} changes no index entry); else null.
     */
    private Index<Object> soleIdIndex() {
        Index<Object> idIndex = null;
        for (Index<Object> index : getIndexes()) {
            if (isIdIndex(index)) {
                idIndex = index;
            } else if (!(index instanceof BsonH2Database.IgnoredIndex)) {
                return null;
            }
        }
        return idIndex;
    }

    private Index<Object> idIndex() {
        return getIndexes().stream().filter(this::isIdIndex).findFirst().orElse(null);
    }

    private boolean isIdIndex(Index<Object> index) {
        List<IndexKey> keys = index.getKeys();
        return index.isUnique() && keys.size() == 1 && keys.get(0).getKey().equals(getIdField());
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        data.put(Missing.ofNullable(position), encoded(newDocument));
    }

    @Override
    protected Document getDocument(Object position) {
        return decoded(data.get(position));
    }

    @Override
    protected void removeDocument(Object position) {
        if (data.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    public int count() {
        return data.size();
    }

    @Override
    public boolean isEmpty() {
        return data.isEmpty();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return data.entrySet().stream().map(e -> new DocumentWithPosition<>(decoded(e.getValue()), e.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> documents = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : data.values().stream().map(BsonH2Collection::decoded);
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * As mongo-java-server answers a query (the first index able to, else a scan), except that the
     * documents an index answers exactly ({@link OrderedUniqueIndex#answersExactly}) are not matched
     * against the query again.
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Index<Object> index = answering(query);
        if (index == null) {
            return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        boolean exact = index instanceof OrderedUniqueIndex ordered && ordered.answersExactly(query);
        return matchDocuments(exact ? new Document() : query, index.getPositions(query), orderBy, numberToSkip, limit,
                batchSize, fieldSelector);
    }

    /** The index that answers {@code query}: the first able to; null when none is. */
    private Index<Object> answering(Document query) {
        for (Index<Object> index : getIndexes()) {
            if (index.canHandle(query)) {
                return index;
            }
        }
        return null;
    }

    /**
     * Every document, decoded as the stream reaches it, so that an aggregation (a
     * {@code countDocuments} is one) does not hold the collection: mongo-java-server's default
     * reads the whole collection first, as for any find.
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        return data.values().stream().map(BsonH2Collection::decoded);
    }

    /**
     * A cursor over the documents matching {@code filter} in stored order, read batch by batch; null
     * when an index answers the filter (its answer is read at once, as mongo-java-server does).
     */
    ScanCursor scan(long cursorId, Document filter, Document projection, int skip, int limit) {
        if (answering(filter) != null) {
            return null;
        }
        return new ScanCursor(cursorId, data, document -> documentMatchesQuery(document, filter),
                batch -> matchDocumentsFromStream(batch.stream(), new Document(), null, 0, 0, 0, projection)
                        .collectDocuments(), skip, limit);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // Not tracked (tracksDataSize): never called.
    }

    @Override
    protected int getDataSize() {
        return ((Number) meta.getOrDefault(DATA_SIZE_KEY, 0L)).intValue();
    }

    private static byte[] encoded(Document document) {
        BsonBytes.Out bson = BsonBytes.encode(document);
        return Arrays.copyOf(bson.bytes(), bson.size());
    }

    private static Document decoded(byte[] bson) {
        return bson == null ? null : BsonBytes.decode(ByteBuffer.wrap(bson));
    }
}
