package io.airlines.reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.airlines.store.NewDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Writes reference documents keyed by their natural key. Unchanged documents are not rewritten
 * (the embedded store's file only grows on writes), so a second identical load changes nothing.
 */
@Component
public class ReferenceStore {

    private static final List<String> KEPT_FROM_OFFLINE = List.of("size", "airport_id_icao");

    private final MongoDatabase database;

    public ReferenceStore(MongoDatabase database) {
        this.database = database;
    }

    /**
     * A unique index on each kind's key, and the others a MongoDB server answers the lookups by
     * city, country and ICAO code from (the embedded store declares them and scans).
     */
    public void createIndexes() {
        for (ReferenceKind kind : ReferenceKind.values()) {
            collection(kind).createIndex(Indexes.ascending(kind.keyField()), new IndexOptions().unique(true));
        }
        collection(ReferenceKind.AIRPORTS).createIndex(Indexes.ascending("city_code"));
        collection(ReferenceKind.AIRPORTS).createIndex(Indexes.ascending("country_code"));
        collection(ReferenceKind.AIRLINES).createIndex(Indexes.ascending("airline_id_icao"));
    }

    /** Inserts the documents whose key is absent; never touches existing ones. Returns the count inserted. */
    public int insertMissing(ReferenceKind kind, List<Document> documents) {
        if (documents.isEmpty()) {
            return 0;
        }
        Date now = Date.from(Instant.now());
        List<Document> stamped = documents.stream().map(d -> {
            Document copy = new Document(d);
            copy.put("_id", d.getString(kind.keyField()));
            copy.put("insert_at", now);
            copy.put("updated_at", now);
            return copy;
        }).toList();
        // The documents already present (e.g. loaded from Lufthansa) are kept.
        return NewDocuments.insert(collection(kind), stamped);
    }

    /**
     * Upserts source documents by natural key: new ones are inserted, changed ones replaced
     * (keeping {@code insert_at}), identical ones left alone.
     */
    public StoreWrites.UpsertCount upsert(ReferenceKind kind, List<Document> documents) {
        List<String> keys = documents.stream().map(d -> d.getString(kind.keyField())).toList();
        var existing = StoreWrites.findByIds(collection(kind), keys);
        List<Document> keyed = documents.stream().map(d -> {
            Document doc = new Document("_id", d.getString(kind.keyField()));
            doc.putAll(d);
            Document old = existing.get(doc.get("_id"));
            // Facts the source does not give (airport size, ICAO code) stay from the shipped data.
            for (String kept : KEPT_FROM_OFFLINE) {
                if (old != null && old.containsKey(kept) && !doc.containsKey(kept)) {
                    doc.put(kept, old.get(kept));
                }
            }
            return doc;
        }).toList();
        return StoreWrites.upsertChanged(collection(kind), keyed, existing);
    }

    public long count(ReferenceKind kind) {
        return collection(kind).countDocuments();
    }

    public List<Document> all(ReferenceKind kind) {
        return collection(kind).find().into(new ArrayList<>());
    }

    private MongoCollection<Document> collection(ReferenceKind kind) {
        return database.getCollection(kind.collection());
    }

}
