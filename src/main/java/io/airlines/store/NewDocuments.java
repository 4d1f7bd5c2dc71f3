package io.airlines.store;

import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * Inserts of documents that may be stored already (a replayed record, a key written before): the
 * stored ones are left as they are, the others inserted. Cheaper than upserts on the embedded store,
 * which answers an upsert with a query, an update and an insert.
 */
public final class NewDocuments {

    private static final int DUPLICATE_KEY = 11000;
    /** How MongoDB (and the embedded store) name the {@code _id} index in a duplicate key error. */
    private static final String ID_INDEX = "index: _id_ ";
    /**
     * Documents per command: the driver holds a request object per document of a command and the
     * store decodes a command whole, so the first write of 25,000 new legs' keys (about 100,000)
     * in one command held tens of MiB on each side at once.
     */
    static final int SLICE = 5_000;

    private NewDocuments() {
    }

    /** Each document carries its {@code _id}; returns how many were new. Any other error is thrown,
     * a duplicate of another unique field included (that document is new and was not stored). */
    public static int insert(MongoCollection<Document> collection, List<Document> documents) {
        int inserted = 0;
        for (int from = 0; from < documents.size(); from += SLICE) {
            inserted += insertSlice(collection, documents.subList(from, Math.min(documents.size(), from + SLICE)));
        }
        return inserted;
    }

    private static int insertSlice(MongoCollection<Document> collection, List<Document> documents) {
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            return documents.size();
        } catch (MongoBulkWriteException e) {
            boolean onlyStored = e.getWriteErrors().stream()
                    .allMatch(w -> w.getCode() == DUPLICATE_KEY && w.getMessage().contains(ID_INDEX));
            if (!onlyStored || e.getWriteConcernError() != null) {
                throw e;
            }
            // Unordered, every document not in error was inserted; the embedded store's count says all of them.
            return documents.size() - e.getWriteErrors().size();
        }
    }
}
