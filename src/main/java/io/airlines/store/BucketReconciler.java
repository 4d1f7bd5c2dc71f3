package io.airlines.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import io.airlines.stream.PipelineMetrics;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Buckets this process has not listed in the time index ({@link TrackTimes}) are listed first, so
 * that stored points are always found by time; an entry written twice stays one. Buckets this
 * process has not seen yet may already hold points (a replay): their segments are read first. Most are new: one lookup of their first documents by {@code _id} tells. The
 * segments of the others are read by ranges, in small chunks: the store matches each document it
 * finds against every range of the query.
 */
final class BucketReconciler {

    private static final int ID_CHUNK = 1000;
    private static final int RANGE_CHUNK = 100;

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> positions;
    private final MongoCollection<RawBsonDocument> trackTimes;
    private final long spanMs;
    private final PipelineMetrics metrics;

    BucketReconciler(MongoDatabase database, long spanMs, PipelineMetrics metrics) {
        this.positions = database.getCollection(TrackIds.COLLECTION);
        this.trackTimes = database.getCollection(TrackTimes.COLLECTION, RawBsonDocument.class);
        this.spanMs = spanMs;
        this.metrics = metrics;
    }

    /**
     * Lists the buckets not listed yet in the time index, then loads what the store holds of each
     * bucket not loaded yet, dropping the waiting points it already has.
     */
    void reconcile(List<TrackBucket> dirty) {
        list(dirty);
        List<TrackBucket> present = new ArrayList<>();
        List<TrackBucket> unknown = new ArrayList<>();
        for (TrackBucket b : dirty) {
            if (!b.loaded) {
                unknown.add(b);
            }
        }
        for (int i = 0; i < unknown.size(); i += ID_CHUNK) {
            List<TrackBucket> chunk = unknown.subList(i, Math.min(unknown.size(), i + ID_CHUNK));
            Set<String> found = new HashSet<>();
            positions.find(Filters.in("_id", chunk.stream().map(TrackBucket::id).toList()))
                    .projection(Projections.include("_id")).forEach(d -> found.add(d.getString("_id")));
            for (TrackBucket b : chunk) {
                if (found.contains(b.id())) {
                    present.add(b);
                } else {
                    count(b.load(List.of()));
                }
            }
        }
        for (int i = 0; i < present.size(); i += RANGE_CHUNK) {
            List<TrackBucket> chunk = present.subList(i, Math.min(present.size(), i + RANGE_CHUNK));
            Map<String, List<Document>> segments = new HashMap<>();
            for (TrackBucket b : chunk) {
                segments.put(b.id(), new ArrayList<>(2));
            }
            for (Document d : positions.find(TrackIds.anyOf(segments.keySet())).projection(Projections.include("points.t"))) {
                // A range may also hold a bucket whose start has more digits (flight|100 … flight|1000).
                List<Document> own = segments.get(TrackIds.bucketOf(d.getString("_id")));
                if (own != null) {
                    own.add(d);
                }
            }
            for (TrackBucket b : chunk) {
                count(b.load(segments.get(b.id())));
            }
        }
    }

    private void list(List<TrackBucket> dirty) {
        List<WriteModel<RawBsonDocument>> entries = new ArrayList<>();
        for (TrackBucket b : dirty) {
            entries.addAll(b.timeEntries(spanMs));
        }
        for (int i = 0; i < entries.size(); i += ID_CHUNK) {
            trackTimes.bulkWrite(entries.subList(i, Math.min(entries.size(), i + ID_CHUNK)), UNORDERED);
            metrics.storeWrites.increment();
        }
    }

    private void count(TrackBucket.Reconciled r) {
        metrics.stored.add(r.writtenBefore());
        metrics.alreadyStored.add(r.replayed());
    }
}
