package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

/** Both track encoders (by hand, and through the driver's writer) against the driver's encoding of the same documents, byte for byte. */
class TrackBsonTest {

    private static final long START = 1_700_000_100_000L;
    private static final long END = START + 300_000;

    @Test
    void a_new_segment_is_the_document_the_driver_writes_for_it() {
        List<TrackPoint> points = List.of(
                new TrackPoint(START + 1000, 48.35, 11.78, 10_000.0, 230.5, 271.0, -3.25, "7700", false),
                new TrackPoint(START + 2000, -33.9, 151.2, null, null, null, null, null, true),
                new TrackPoint(START + 3000, 0, -0.0, 0.0, null, 359.9, null, "1000", false));

        RawBsonDocument written = TrackBson.segment("dlh4ab|" + START, "dlh4ab", START, END, points);
        RawBsonDocument throughWriter = DriverTrackBson.segment("dlh4ab|" + START, "dlh4ab", START, END, points);

        Document expected = new Document("_id", "dlh4ab|" + START).append("key", "dlh4ab")
                .append("start", new Date(START)).append("end", new Date(END))
                .append("points", documents(points)).append("count", points.size());
        assertThat(bytes(written)).isEqualTo(bytes(driver(expected)));
        assertThat(bytes(throughWriter)).isEqualTo(bytes(driver(expected)));
        assertThat(TrackBucket.pointsOf(List.of(written.decode(new DocumentCodec())))).isEqualTo(points);
    }

    @Test
    void an_append_is_the_update_the_driver_writes_for_it_with_or_without_a_sort() {
        List<TrackPoint> points = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            points.add(new TrackPoint(START + i * 1000L, 50 + i / 1000.0, 8 - i / 1000.0, 11_000.0 + i, 240.0, 90.0, 0.0,
                    "2" + (100 + i % 900), i % 7 == 0));
        }
        for (boolean sort : new boolean[] {false, true}) {
            RawBsonDocument written = TrackBson.append("ëxotic-kéy", START, END, points, sort);

            Document each = new Document("$each", documents(points));
            if (sort) {
                each.append("$sort", new Document("t", 1));
            }
            Document expected = new Document("$setOnInsert", new Document("key", "ëxotic-kéy")
                    .append("start", new Date(START)).append("end", new Date(END)))
                    .append("$push", new Document("points", each))
                    .append("$inc", new Document("count", points.size()));
            assertThat(bytes(written)).as("sort " + sort).isEqualTo(bytes(driver(expected)));
            assertThat(bytes(DriverTrackBson.append("ëxotic-kéy", START, END, points, sort))).as("writer, sort " + sort)
                    .isEqualTo(bytes(driver(expected)));
        }
    }

    /** A point as a document, with the fields it has, in the stored order. */
    private static List<Document> documents(List<TrackPoint> points) {
        List<Document> out = new ArrayList<>();
        for (TrackPoint p : points) {
            Document d = new Document("t", p.time()).append("lat", p.lat()).append("lon", p.lon());
            putIfSet(d, "alt", p.altitude());
            putIfSet(d, "spd", p.speed());
            putIfSet(d, "trk", p.track());
            putIfSet(d, "vr", p.verticalRate());
            putIfSet(d, "sq", p.squawk());
            if (p.onGround()) {
                d.append("gnd", true);
            }
            out.add(d);
        }
        return out;
    }

    private static void putIfSet(Document d, String name, Object value) {
        if (value != null) {
            d.append(name, value);
        }
    }

    private static RawBsonDocument driver(Document document) {
        return new RawBsonDocument(document, new DocumentCodec());
    }

    private static byte[] bytes(RawBsonDocument document) {
        java.nio.ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
