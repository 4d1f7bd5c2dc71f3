package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import io.airlines.stream.Position;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

/** The hand-written state against the driver's encoding of the same document, byte for byte, and read back. */
class StateBsonTest {

    private static final long TIME = 1_796_600_000_000L;

    @Test
    void a_state_with_every_field_is_the_document_the_driver_writes_for_it_and_reads_back_as_it_was() {
        Position p = new Position("3c6444", "DLH4AB", "LH400", "LH", "Lufthansa", "FRA", "JFK", 50.0379, 8.5622,
                11_277.6, 245.3, 287.5, -3.25, "1000", false, "cruise", 5_123.4, "2026-12-07T18:05:00Z", -7,
                "sbs", TIME, TIME + 350, null, "D-AIMA", "A388", "Germany");

        assertSameAsDriver(p);
        assertThat(StateDocuments.fromDocument(decode(StateBson.document(p)))).isEqualTo(p);
    }

    @Test
    void absent_fields_are_nulls_as_the_driver_writes_them_and_texts_keep_their_accents() {
        Position sparse = Position.observed("a1b2c3", null, -33.9461, 151.1772, null, null, null, null, null, null,
                Position.OPENSKY, TIME);
        Position accented = new Position("4ca7b5", "EIN5X", null, "EI", "Aer Lingus — Éire", "DUB", null, 0.0, -0.0,
                0.0, 0.0, 359.99, 0.0, null, true, "taxi", null, null, 0, "http", TIME, null, null, "EI-DÉX", null,
                "Ireland");

        for (Position p : new Position[] {sparse, accented}) {
            assertSameAsDriver(p);
            assertThat(StateDocuments.fromDocument(decode(StateBson.document(p)))).isEqualTo(p);
        }
    }

    private static void assertSameAsDriver(Position p) {
        assertThat(bytes(StateBson.document(p))).as(p.key())
                .isEqualTo(bytes(new RawBsonDocument(StateDocuments.toDocument(p), new DocumentCodec())));
    }

    private static Document decode(RawBsonDocument document) {
        return document.decode(new DocumentCodec());
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
