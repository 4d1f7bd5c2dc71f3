package io.airlines.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.airlines.stream.PrivacyBlocklist;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The right to erasure: an aircraft's stored tracks, latest state and events, and what other
 * features keep of it ({@link AircraftDataEraser}: its flight legs), are deleted, the
 * erasure is recorded in {@code erasures}, and its address joins the block list, so nothing more
 * of it is stored, streamed or shown. Every instance reads the recorded erasures into its block
 * list at start and each minute, so an erasure made on one holds on all.
 */
@Component
class AircraftErasure {

    public static final String COLLECTION = "erasures";
    private static final Logger log = LoggerFactory.getLogger(AircraftErasure.class);

    private final MongoDatabase database;
    private final PrivacyBlocklist blocklist;
    private final PositionSink positions;
    private final EventSink events;
    private final List<AircraftDataEraser> elsewhere;

    public AircraftErasure(MongoDatabase database, PrivacyBlocklist blocklist, PositionSink positions, EventSink events,
                           List<AircraftDataEraser> elsewhere) {
        this.database = database;
        this.blocklist = blocklist;
        this.positions = positions;
        this.events = events;
        this.elsewhere = List.copyOf(elsewhere);
    }

    /** What was deleted, by collection; the address is blocked from now on. */
    public Map<String, Long> erase(String hex) {
        String key = hex.toLowerCase(Locale.ROOT);
        // Blocked first: a position arriving while the deletes run is dropped, not stored again behind them.
        blocklist.addAddresses(List.of(key));
        // Read before it was blocked, still waiting or being written: the sinks let go of it before the deletes.
        positions.forget(key);
        events.forget(key);
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put(TrackIds.COLLECTION, database.getCollection(TrackIds.COLLECTION)
                .deleteMany(TrackIds.flight(key)).getDeletedCount());
        deleted.put(FlightStates.COLLECTION, database.getCollection(FlightStates.COLLECTION)
                .deleteMany(Filters.eq("_id", key)).getDeletedCount());
        deleted.put(EventSink.COLLECTION, database.getCollection(EventSink.COLLECTION)
                .deleteMany(Filters.eq("key", key)).getDeletedCount());
        elsewhere.forEach(eraser -> deleted.putAll(eraser.erase(key)));
        Document record = new Document("_id", key).append("erasedAt", new Date());
        deleted.forEach(record::append);
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", key), record, new ReplaceOptions().upsert(true));
        // The address itself is what its owner wants kept quiet: the log says that one happened, not which.
        log.info("Aircraft erased on request: {} track documents, {} states, {} events", deleted.get(TrackIds.COLLECTION),
                deleted.get(FlightStates.COLLECTION), deleted.get(EventSink.COLLECTION));
        return deleted;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    public void blockRecordedErasures() {
        try {
            List<String> erased = new ArrayList<>();
            for (Document d : database.getCollection(COLLECTION).find().projection(new Document("_id", 1))) {
                erased.add(d.getString("_id"));
            }
            blocklist.addAddresses(erased);
        } catch (RuntimeException e) {
            log.warn("Could not read the recorded erasures (retried in a minute): {}", e.getClass().getSimpleName());
        }
    }
}
