package io.airlines.store;

import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Retention and indexes. A real MongoDB expires old documents by TTL and serves track and event
 * queries from secondary indexes; the embedded store accepts these indexes but enforces neither,
 * so the purge job deletes what is older than the retention either way.
 */
@Component
class StoreMaintenance implements InitializingBean, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StoreMaintenance.class);

    private final MongoDatabase database;
    private final StoreSettings settings;
    private final List<RetainedData> elsewhere;

    public StoreMaintenance(MongoDatabase database, StoreSettings settings, List<RetainedData> elsewhere) {
        this.database = database;
        this.settings = settings;
        this.elsewhere = List.copyOf(elsewhere);
    }

    @Override
    public void afterPropertiesSet() {
        long ttl = settings.retention().toSeconds();
        try {
            var positions = database.getCollection(TrackIds.COLLECTION);
            positions.createIndex(Indexes.ascending("key", "start"), new IndexOptions().name("key_start"));
            positions.createIndex(Indexes.ascending("end"), new IndexOptions().name("ttl_end").expireAfter(ttl, TimeUnit.SECONDS));
            var events = database.getCollection(EventSink.COLLECTION);
            events.createIndex(Indexes.descending("time"), new IndexOptions().name("time"));
            events.createIndex(Indexes.compoundIndex(Indexes.ascending("type"), Indexes.descending("time")),
                    new IndexOptions().name("type_time"));
            events.createIndex(Indexes.ascending("at"), new IndexOptions().name("ttl_at").expireAfter(ttl, TimeUnit.SECONDS));
            database.getCollection(FlightStates.COLLECTION).createIndex(Indexes.ascending("updatedAt"),
                    new IndexOptions().name("ttl_updatedAt").expireAfter(ttl, TimeUnit.SECONDS));
        } catch (MongoException e) {
            log.warn("Store indexes not created: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(() -> purge(System.currentTimeMillis()), settings.purgeInterval(),
                settings.purgeInterval()));
    }

    /** Deletes positions, events, states and what other features keep older than the retention; returns documents deleted. */
    public long purge(long now) {
        Date cutoff = new Date(now - settings.retention().toMillis());
        try {
            long elsewhereDeleted = 0;
            for (RetainedData data : elsewhere) {
                elsewhereDeleted += data.purgeOlderThan(cutoff.toInstant());
            }
            long deleted = elsewhereDeleted + database.getCollection(TrackIds.COLLECTION).deleteMany(Filters.lt("end", cutoff)).getDeletedCount()
                    + database.getCollection(EventSink.COLLECTION).deleteMany(Filters.lt("at", cutoff)).getDeletedCount()
                    + database.getCollection(FlightStates.COLLECTION).deleteMany(Filters.lt("updatedAt", cutoff)).getDeletedCount();
            if (deleted > 0) {
                log.info("Retention: deleted {} documents older than {}", deleted, cutoff.toInstant());
            }
            return deleted;
        } catch (MongoException e) {
            log.warn("Retention purge failed, next run retries: {}", e.getClass().getSimpleName());
            return 0;
        }
    }
}
