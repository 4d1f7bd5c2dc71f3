package io.airlines.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that does not keep the running total of its documents' BSON sizes, which only
 * {@code collStats} reports: keeping it means encoding each inserted document once more to measure
 * it, and each updated one twice (before and after), then rewriting the collection's meta map, a
 * large share of the store's work at saturation. {@code collStats} reports the size last recorded
 * (0 for a new collection); the size of the H2 file is the measure.
 */
final class BsonH2Collection extends H2Collection {

    BsonH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                     MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }
}
