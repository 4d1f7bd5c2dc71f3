package io.airlines.flight;

import java.util.ArrayList;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.stream.Position;
import io.airlines.store.SlicedWrites;
import org.bson.Document;

/**
 * Where leg cutting stands for each transponder ({@code leg_open}, {@code _id} = transponder): its
 * open leg, if any, and its last point applied. Written with the legs, before the offsets are
 * committed, and read back by {@code _id} when a transponder's positions come to a process that
 * does not know it (after a restart or a rebalance), so it continues the same leg. One document
 * holds both, so what is read back is always a state the cutting was in.
 */
final class LegCursors {

    static final String COLLECTION = "leg_open";

    private final MongoCollection<Document> cursors;

    LegCursors(MongoDatabase database) {
        this.cursors = database.getCollection(COLLECTION);
    }

    void save(Collection<TransponderTrack> tracks) {
        if (tracks.isEmpty()) {
            return;
        }
        // In _id order, as LegStore writes legs: each of the store's commits then rewrites neighbouring pages only.
        List<TransponderTrack> sorted = new ArrayList<>(tracks);
        sorted.sort(Comparator.comparing(TransponderTrack::transponder));
        SlicedWrites.upsertById(cursors, sorted, TransponderTrack::transponder, LegCursors::toDocument);
    }

    List<TransponderTrack> read(Collection<String> transponders) {
        List<TransponderTrack> found = new ArrayList<>();
        if (transponders.isEmpty()) {
            return found;
        }
        for (Document d : cursors.find(Filters.in("_id", transponders))) {
            found.add(fromDocument(d));
        }
        return found;
    }

    /** Every transponder with an open leg, as stored: one scan of the collection, which has no other index. */
    List<TransponderTrack> withOpenLeg() {
        List<TransponderTrack> found = new ArrayList<>();
        for (Document d : cursors.find(Filters.ne("leg", null))) {
            found.add(fromDocument(d));
        }
        return found;
    }

    /**
     * Deletes the cursors of transponders last seen before {@code cutoff}: their legs are past the
     * retention too, and a transponder seen again starts a new leg anyway after such a gap.
     */
    long purgeOlderThan(Instant cutoff) {
        return cursors.deleteMany(Filters.lt("last.t", cutoff.toEpochMilli())).getDeletedCount();
    }

    /** Deletes a transponder's cursor; how many documents were deleted (0 or 1). */
    long delete(String transponder) {
        return cursors.deleteOne(Filters.eq("_id", transponder)).getDeletedCount();
    }

    /** The leg a transponder flies now, as last written. */
    Optional<FlightLeg> openLeg(String transponder) {
        Document d = cursors.find(Filters.eq("_id", transponder)).first();
        return d == null || d.get("leg", Document.class) == null ? Optional.empty()
                : Optional.of(LegDocuments.fromDocument(d.get("leg", Document.class)));
    }

    static Document toDocument(TransponderTrack t) {
        FlightLeg open = t.openLeg();
        Position last = t.last();
        Document d = new Document("_id", t.transponder())
                .append("leg", open == null ? null : LegDocuments.toDocument(open));
        if (last != null) {
            d.append("last", new Document("t", last.time()).append("lat", last.lat()).append("lon", last.lon())
                    .append("ground", TransponderTrack.onGround(last)));
        }
        return d.append("stoppedSince", t.stoppedSince() == null ? null : new Date(t.stoppedSince()));
    }

    static TransponderTrack fromDocument(Document d) {
        String transponder = d.getString("_id");
        Document leg = d.get("leg", Document.class);
        Document last = d.get("last", Document.class);
        Date stopped = d.getDate("stoppedSince");
        Position lastPoint = last == null ? null : Position.observed(transponder, null, last.getDouble("lat"),
                last.getDouble("lon"), null, null, null, null, null, last.getBoolean("ground"), null,
                ((Number) last.get("t")).longValue());
        return TransponderTrack.resumed(transponder, leg == null ? null : LegDocuments.fromDocument(leg), lastPoint,
                stopped == null ? null : stopped.getTime());
    }
}
