package io.airlines.reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * Idempotent writes by {@code _id}: new documents are inserted, changed ones replaced (keeping
 * {@code insert_at}), identical ones not written at all — the embedded store's file only grows
 * on writes, and a rerun must change no count.
 */
public final class StoreWrites {

    /** Fields owned by the store, not by the source: ignored when comparing. */
    private static final List<String> BOOKKEEPING = List.of("_id", "insert_at", "updated_at");
    private static final int LOOKUP_BATCH = 500;

    private StoreWrites() {
    }

    /** Each document must carry its {@code _id}. */
    public static UpsertCount upsertChanged(MongoCollection<Document> collection, List<Document> documents) {
        return upsertChanged(collection, documents,
                findByIds(collection, documents.stream().map(d -> d.get("_id")).toList()));
    }

    /** The stored documents of these ids, by id, read in batches. */
    public static Map<Object, Document> findByIds(MongoCollection<Document> collection, List<?> ids) {
        Map<Object, Document> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += LOOKUP_BATCH) {
            for (Document d : collection.find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + LOOKUP_BATCH))))) {
                found.put(d.get("_id"), d);
            }
        }
        return found;
    }

    /** As above, with the stored documents already read ({@code existing}, by id). */
    public static UpsertCount upsertChanged(MongoCollection<Document> collection, List<Document> documents,
                                            Map<Object, Document> existing) {
        if (documents.isEmpty()) {
            return new UpsertCount(0, 0, 0);
        }
        Date now = Date.from(Instant.now());
        List<WriteModel<Document>> writes = new ArrayList<>();
        int inserted = 0;
        int updated = 0;
        for (Document source : documents) {
            Object id = source.get("_id");
            Document old = existing.get(id);
            if (old != null && sameContent(old, source)) {
                continue;
            }
            Document doc = new Document(source);
            doc.put("insert_at", old == null ? now : old.get("insert_at", now));
            doc.put("updated_at", now);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true)));
            if (old == null) {
                inserted++;
            } else {
                updated++;
            }
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        return new UpsertCount(inserted, updated, documents.size() - inserted - updated);
    }

    static boolean sameContent(Document stored, Document source) {
        Document a = new Document(stored);
        BOOKKEEPING.forEach(a::remove);
        Document b = new Document(source);
        BOOKKEEPING.forEach(b::remove);
        return Objects.equals(a.toJson(), b.toJson());
    }

    public record UpsertCount(int inserted, int updated, int unchanged) {
        public UpsertCount plus(UpsertCount o) {
            return new UpsertCount(inserted + o.inserted, updated + o.updated, unchanged + o.unchanged);
        }
    }
}
