package io.airlines.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;

/**
 * Writes of many documents in commands of {@link #SLICE}, each slice's documents built just before
 * it is sent. The store takes at most 1,000 writes a command and the driver splits a larger bulk
 * write itself, but holds every document and request of it until the last command is answered:
 * the legs of 25,000 aircraft, rewritten in one bulk write, held about 50 MiB of maps on a 512 MiB
 * heap for the seconds the store took. Slices go in the order of the items, so items in {@code _id}
 * order still touch each of the store's pages once.
 */
public final class SlicedWrites {

    public static final int SLICE = 1_000;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private SlicedWrites() {
    }

    public static <T> void write(MongoCollection<Document> collection, List<T> items, Function<T, WriteModel<Document>> write) {
        for (int from = 0; from < items.size(); from += SLICE) {
            List<T> slice = items.subList(from, Math.min(items.size(), from + SLICE));
            List<WriteModel<Document>> writes = new ArrayList<>(slice.size());
            for (T item : slice) {
                writes.add(write.apply(item));
            }
            collection.bulkWrite(writes);
        }
    }

    /** Stores each item's document under its id, replacing the one there or inserting it. */
    public static <T> void upsertById(MongoCollection<Document> collection, List<T> items, Function<T, String> idOf,
                                      Function<T, Document> documentOf) {
        write(collection, items, item -> replaceById(idOf.apply(item), documentOf.apply(item)));
    }

    /** The write that replaces the document with {@code id}, inserting it when there is none. */
    public static <T> WriteModel<T> replaceById(String id, T document) {
        // The filter as a BsonDocument: the driver encodes Filters.eq through a writer for each write.
        return new ReplaceOneModel<>(new BsonDocument("_id", new BsonString(id)), document, UPSERT);
    }
}
