package io.airlines.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The time-first index of the tracks: which flights have points in which hour. Track documents
 * are named flight first ({@link TrackIds}), so "every flight at an instant" would be a walk over
 * the whole collection; {@code track_times} holds one small document {@code hour|key} per flight
 * and hour it has points in, so the flights of an hour are one {@code _id} range, and each one's
 * track around the instant one more. The sink writes an entry before the bucket's points, once
 * per bucket it opens, as an idempotent upsert. Purged with the tracks past the retention, and
 * erased with them.
 */
@Component
public class TrackTimes implements RetainedData, AircraftDataEraser, InitializingBean {

    public static final String COLLECTION = "track_times";
    public static final long SLOT_MS = 3_600_000;

    private static final Logger log = LoggerFactory.getLogger(TrackTimes.class);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private final MongoCollection<Document> entries;
    private final StoreSettings settings;

    public TrackTimes(MongoDatabase database, StoreSettings settings) {
        this.entries = database.getCollection(COLLECTION);
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            entries.createIndex(Indexes.ascending("end"),
                    new IndexOptions().name("ttl_end").expireAfter(settings.retention().toSeconds(), TimeUnit.SECONDS));
        } catch (MongoException e) {
            log.warn("Index of {} not created: {}", COLLECTION, e.getClass().getSimpleName());
        }
    }

    /**
     * Epoch milliseconds have 13 digits from 2001 to 2286, so ids sort by hour as text, and
     * {@code hour|} to <code>hour}</code> holds one hour's flights.
     */
    static String id(long slot, String key) {
        return slot + "|" + key;
    }

    /** The entries that list a bucket {@code [start, end)} under every hour it overlaps. */
    static List<WriteModel<RawBsonDocument>> entries(String key, long start, long end) {
        List<WriteModel<RawBsonDocument>> out = new ArrayList<>(1);
        for (long slot = TrackIds.startOf(start, SLOT_MS); slot < end; slot += SLOT_MS) {
            String id = id(slot, key);
            BsonDocument entry = new BsonDocument("_id", new BsonString(id))
                    .append("key", new BsonString(key))
                    .append("end", new BsonDateTime(slot + SLOT_MS));
            out.add(new ReplaceOneModel<>(Filters.eq("_id", id), new RawBsonDocument(entry, CODEC), UPSERT));
        }
        return out;
    }

    /** The flights with points in the hours that {@code [from, to]} overlaps, once each. */
    public Set<String> keys(long from, long to) {
        Set<String> keys = new LinkedHashSet<>();
        for (long slot = TrackIds.startOf(from, SLOT_MS); slot <= to; slot += SLOT_MS) {
            Document range = new Document("_id", new Document("$gte", slot + "|").append("$lt", slot + "}"));
            for (Document d : entries.find(range).projection(Projections.include("_id"))) {
                String id = d.getString("_id");
                keys.add(id.substring(id.indexOf('|') + 1));
            }
        }
        return keys;
    }

    /** Entries of hours that ended before the cutoff: one {@code _id} range, the hours being first. */
    @Override
    public long purgeOlderThan(Instant cutoff) {
        String before = Long.toString(TrackIds.startOf(cutoff.toEpochMilli(), SLOT_MS) - SLOT_MS + 1);
        return entries.deleteMany(new Document("_id", new Document("$gte", "").append("$lt", before)))
                .getDeletedCount();
    }

    /** The aircraft's entries of every hour within the retention, by id. */
    @Override
    public Map<String, Long> erase(String hex) {
        long now = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (long slot = TrackIds.startOf(now - settings.retention().toMillis(), SLOT_MS) - SLOT_MS;
             slot <= now + SLOT_MS; slot += SLOT_MS) {
            ids.add(id(slot, hex));
        }
        return Map.of(COLLECTION, entries.deleteMany(Filters.in("_id", ids)).getDeletedCount());
    }
}
