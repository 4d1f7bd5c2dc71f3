package io.airlines.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.airlines.stream.Position;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.stereotype.Component;

/**
 * Reads the sky at an instant from the minutes around it ({@link SkyFrames}): one {@code _id}
 * range, a few documents, each aircraft between its last positions of the minutes on either side.
 * Also purges the minutes older than the retention.
 */
@Component
public class SkyFrameReader implements RetainedData {

    public static final String COLLECTION = "sky_frames";

    /** Minutes read on each side of the instant's: enough to join positions {@link SkyPoint#MAX_GAP_MS} apart. */
    private static final long AROUND_MS = SkyPoint.MAX_GAP_MS;

    private final MongoCollection<RawBsonDocument> frames;

    public SkyFrameReader(MongoDatabase database) {
        this.frames = database.getCollection(COLLECTION, RawBsonDocument.class);
    }

    /** Every aircraft where it was at {@code time}, or empty when no minute around it was written. */
    public Optional<List<Position>> at(long time) {
        long from = TrackIds.startOf(time - AROUND_MS, SkyFrames.MINUTE_MS);
        long to = TrackIds.startOf(time + AROUND_MS, SkyFrames.MINUTE_MS) + SkyFrames.MINUTE_MS;
        Map<String, SkyPoint.Bracket> brackets = new HashMap<>();
        boolean any = false;
        Document range = new Document("_id", new Document("$gte", from + "|").append("$lt", to + "|"));
        for (RawBsonDocument piece : frames.find(range)) {
            any = true;
            BsonBinary rows = piece.getBinary("rows");
            long base = ((BsonDateTime) piece.get("t")).getValue();
            SkyFrameRows.decode(rows.getData(), base,
                    (key, point) -> brackets.computeIfAbsent(key, k -> new SkyPoint.Bracket()).offer(point, time));
        }
        if (!any) {
            return Optional.empty();
        }
        return Optional.of(SkyPoint.positionsAt(brackets, time));
    }

    /** Minutes before the cutoff's: one {@code _id} range, the minute being first. */
    @Override
    public long purgeOlderThan(Instant cutoff) {
        String before = TrackIds.startOf(cutoff.toEpochMilli(), SkyFrames.MINUTE_MS) + "|";
        return frames.deleteMany(new Document("_id", new Document("$gte", "").append("$lt", before))).getDeletedCount();
    }
}
