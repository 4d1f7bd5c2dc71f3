package io.airlines.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 collection that does not keep the running total of its documents' BSON sizes, which only
 * {@code collStats} reports: keeping it means encoding each inserted document once more to measure
 * it, and each updated one twice (before and after), then rewriting the collection's meta map, a
 * large share of the store's work at saturation. {@code collStats} reports the size last recorded
 * (0 for a new collection); the size of the H2 file is the measure.
 * <p>
 * H2 commits whatever its maps hold when it commits (in the background, when its buffer is full,
 * when it compacts), so a crash may leave a document in the data without its entry in the
 * {@code _id} index: the store writes the document first, then its index entries. That document
 * was never acknowledged (its command had not ended), and its writer sends it again; the plain
 * collection then refuses it forever ("already existed") though no index has it. Here the insert
 * takes its place, and the index entries follow as for any insert.
 */
final class BsonH2Collection extends H2Collection {

    private static final Logger log = LoggerFactory.getLogger(BsonH2Collection.class);

    private final MVMap<Object, Document> data;

    BsonH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                     MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
        this.data = data;
    }

    /** Only called once the unique indexes said the id is new: a document already there is a crash's leftover. */
    @Override
    protected Object addDocumentInternal(Document document) {
        if (getIdField() == null) {
            return super.addDocumentInternal(document);
        }
        Object key = Utils.getSubdocumentValue(document, getIdField());
        Document leftover = data.put(Missing.ofNullable(key), document);
        if (leftover != null) {
            log.warn("Document {} of {} was in the store file without its index entry (left by a crash mid-write): "
                    + "replaced by the one written again", key, getFullName());
        }
        return key;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }
}
