package io.airlines.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The store's own BSON against mongo-java-server's, whose files and wire it must match byte for byte. */
class BsonBytesTest {

    @Test
    void every_type_encodes_to_the_same_bytes_as_mongo_java_server_and_decodes_to_the_same_document() {
        List<Object> longArray = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            longArray.add(i % 3 == 0 ? null : (double) i);
        }
        Document document = new Document("_id", "LH400|1764115200000|1764115201000")
                .append("ascii", "Frankfurt").append("utf8", "Zürich – 東京 🛫").append("ü-key", 1)
                .append("int", 7).append("long", 1_764_115_200_000L).append("double", 50.0333).append("true", true)
                .append("false", false).append("null", null).append("date", Instant.ofEpochMilli(1_764_115_200_000L))
                .append("objectId", new ObjectId()).append("binary", new BinData(new byte[] {1, 2, 3}))
                .append("uuid", UUID.fromString("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"))
                .append("regex", new BsonRegularExpression("^LH", "i")).append("timestamp", new BsonTimestamp(42L))
                .append("decimal", new Decimal128(1L, 2L)).append("min", MinKey.getInstance()).append("max", MaxKey.getInstance())
                .append("nested", new Document("t", List.of(1L, 2L)).append("deeper", new Document("x", List.of(
                        new Document("a", 1), List.of("b", List.of())))))
                .append("set", Set.of("only"))
                .append("columns", new Document("t", longArray));

        byte[] theirs = mongoJavaServer(document);
        BsonBytes.Out ours = BsonBytes.encode(document);
        assertThat(Arrays.copyOf(ours.bytes(), ours.size())).isEqualTo(theirs);

        ByteBuffer in = ByteBuffer.allocate(theirs.length + 3);
        in.put((byte) 9).put(theirs).put((byte) 8).put((byte) 7).position(1);
        Document decoded = BsonBytes.decode(in);
        assertThat(in.position()).as("moved past the document, no further").isEqualTo(1 + theirs.length);
        assertThat(mongoJavaServer(decoded)).as("decodes to what encodes back to the same bytes").isEqualTo(theirs);
        Document theirsDecoded = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(theirs));
        // A regular expression has no equals(): compared by its parts.
        BsonRegularExpression regex = (BsonRegularExpression) decoded.remove("regex");
        assertThat(regex.getPattern() + "/" + regex.getOptions()).isEqualTo("^LH/i");
        theirsDecoded.remove("regex");
        assertThat(decoded).isEqualTo(theirsDecoded);
        assertThat(((Document) decoded.get("columns")).get("t")).isInstanceOf(ArrayList.class).isEqualTo(longArray);
        assertThat(mongoJavaServer(BsonBytes.decode(ByteBuffer.wrap(theirs).asReadOnlyBuffer()))).as("no backing array")
                .isEqualTo(theirs);
    }

    @Test
    void field_names_are_one_string_each_however_often_read_and_names_of_one_hash_stay_apart() {
        // "Aa" and "BB" have the same hash: they take turns in one slot, each read as itself.
        byte[] bytes = mongoJavaServer(new Document("callsign", "DLH400").append("Aa", 1).append("BB", 2));
        Document first = BsonBytes.decode(ByteBuffer.wrap(bytes));
        Document again = BsonBytes.decode(ByteBuffer.wrap(bytes));

        assertThat(again).isEqualTo(first).containsEntry("Aa", 1).containsEntry("BB", 2);
        assertThat(again.keySet()).containsExactly("callsign", "Aa", "BB");
        assertThat(again.keySet().iterator().next()).isSameAs(first.keySet().iterator().next());
    }

    @Test
    void a_stored_document_is_read_as_its_own_bytes_and_a_length_beyond_the_page_is_refused() {
        byte[] bytes = mongoJavaServer(new Document("a", 1));
        ByteBuffer page = ByteBuffer.allocate(bytes.length + 2).put(bytes).put((byte) 1).put((byte) 2).flip();
        assertThat(StoredBsonType.INSTANCE.read(page)).isEqualTo(bytes);
        assertThat(page.position()).isEqualTo(bytes.length);

        bytes[0] = 100;
        assertThatThrownBy(() -> StoredBsonType.INSTANCE.read(ByteBuffer.wrap(bytes)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length says 100");
    }

    @Test
    void a_document_whose_length_does_not_match_its_end_is_refused() {
        byte[] bytes = mongoJavaServer(new Document("a", 1));
        bytes[0]++;
        assertThatThrownBy(() -> BsonBytes.decode(ByteBuffer.wrap(bytes))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] mongoJavaServer(Document document) {
        ByteBuf buf = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return bytes;
    }
}
