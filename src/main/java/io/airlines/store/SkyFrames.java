package io.airlines.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.airlines.stream.Position;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * The sky minute by minute, as the sink reads it: for each partition and minute, every aircraft's
 * last position in that minute, written as one document ({@link SkyFrameRows}) once the minute is
 * over. The sky at an instant then reads a few minutes of these instead of every aircraft's track.
 * A minute is over when the partition's records reached past it, or, once the partition has been
 * quiet for {@link #QUIET_MS}, when the clock did. Records keep the clock out while they flow: a
 * pipeline running a minute behind the clock would otherwise close each minute before its
 * records came, and every write would make pieces of them. A record of a minute already written
 * makes a piece of its own, named after its first offset: a replay writes the same piece again
 * rather than a second copy.
 * What is not written yet is dropped with the rest of the sink's pending work and read again.
 */
final class SkyFrames {

    static final long MINUTE_MS = 60_000;
    /** Records a little late for their minute still make its piece. */
    static final long GRACE_MS = 5_000;
    /** A partition whose records have not moved on for this long leaves its minutes to the clock. */
    static final long QUIET_MS = 10_000;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private final Map<Integer, Partition> partitions = new HashMap<>();
    private final MongoCollection<RawBsonDocument> collection;

    /** The pieces of one write, removed from the pending ones once the store acknowledged them. */
    record Writes(List<WriteModel<RawBsonDocument>> models, List<Piece> pieces) {
    }

    private static final class Partition {
        private long latest = Long.MIN_VALUE;
        /** The latest record time the last write saw, and the clock when it changed. */
        private long seenLatest = Long.MIN_VALUE;
        private long movedAt;
        private final TreeMap<Long, Piece> open = new TreeMap<>();

        /**
         * How far the minutes are over: as far as the records reached, never ahead of the clock (a
         * record from a receiver's clock in the future would make the others late); the clock's own
         * time once the records stopped moving.
         */
        long reached(long now) {
            if (latest != seenLatest) {
                seenLatest = latest;
                movedAt = now;
            }
            return now - movedAt >= QUIET_MS ? Math.max(latest, now) : Math.min(latest, now);
        }
    }

    static final class Piece {
        private final int partition;
        private final long minute;
        private long firstOffset = Long.MAX_VALUE;
        private final Map<String, Position> last = new HashMap<>();

        private Piece(int partition, long minute) {
            this.partition = partition;
            this.minute = minute;
        }
    }

    SkyFrames(MongoDatabase database) {
        // None for tools that only build the documents (TrackDocuments).
        this.collection = database == null ? null : database.getCollection(SkyFrameReader.COLLECTION, RawBsonDocument.class);
    }

    /** Writes the minutes over at {@code now} with {@code bulk}, and forgets them once it returned. */
    void flush(long now, BiConsumer<MongoCollection<RawBsonDocument>, List<WriteModel<RawBsonDocument>>> bulk) {
        Writes writes = next(now);
        if (!writes.models().isEmpty()) {
            bulk.accept(collection, writes.models());
            written(writes);
        }
    }

    void offer(int partition, long offset, Position p) {
        Partition part = partitions.computeIfAbsent(partition, k -> new Partition());
        part.latest = Math.max(part.latest, p.time());
        long minute = TrackIds.startOf(p.time(), MINUTE_MS);
        Piece piece = part.open.computeIfAbsent(minute, m -> new Piece(partition, m));
        piece.firstOffset = Math.min(piece.firstOffset, offset);
        piece.last.merge(p.key(), p, (before, now) -> now.time() >= before.time() ? now : before);
    }

    /** The pieces of the minutes that are over at {@code now}. */
    Writes next(long now) {
        return over(part -> part.reached(now));
    }

    /** The pieces of every minute offered, over or not: for tools that build the documents of a whole track. */
    Writes all() {
        return over(part -> Long.MAX_VALUE);
    }

    /** The pieces of each partition's minutes over by the time {@code reachedOf} gives it (asked once a partition: asking moves its quiet clock). */
    private Writes over(ToLongFunction<Partition> reachedOf) {
        List<WriteModel<RawBsonDocument>> models = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        for (Partition part : partitions.values()) {
            long reached = reachedOf.applyAsLong(part);
            for (Piece piece : part.open.values()) {
                if (piece.minute + MINUTE_MS + GRACE_MS > reached) {
                    break;
                }
                pieces.add(piece);
                models.add(write(piece));
            }
        }
        return new Writes(models, pieces);
    }

    void written(Writes writes) {
        for (Piece piece : writes.pieces()) {
            partitions.get(piece.partition).open.remove(piece.minute);
        }
    }

    /** An erased aircraft leaves the minutes not written yet. */
    void forget(String key) {
        for (Partition part : partitions.values()) {
            part.open.values().forEach(piece -> piece.last.remove(key));
        }
    }

    void drop() {
        partitions.clear();
    }

    /**
     * Epoch milliseconds have 13 digits from 2001 to 2286, so ids sort by minute as text;
     * {@code minute|} to <code>minute}</code> holds that minute's pieces.
     */
    static String id(long minute, int partition, long firstOffset) {
        return minute + "|" + partition + "|" + firstOffset;
    }

    private static WriteModel<RawBsonDocument> write(Piece piece) {
        String id = id(piece.minute, piece.partition, piece.firstOffset);
        BsonDocument doc = new BsonDocument("_id", new BsonString(id))
                .append("t", new BsonDateTime(piece.minute))
                .append("n", new BsonInt32(piece.last.size()))
                .append("rows", new BsonBinary(SkyFrameRows.encode(piece.minute, piece.last.values())));
        return new ReplaceOneModel<>(Filters.eq("_id", id), new RawBsonDocument(doc, CODEC), UPSERT);
    }
}
