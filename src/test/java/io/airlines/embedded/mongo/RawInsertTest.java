package io.airlines.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inserted documents kept as the client's bytes: what the store keeps reads back as the document
 * sent, and what mongo-java-server's decoder would have refused is refused.
 */
class RawInsertTest {

    @TempDir
    Path dir;

    @Test
    void a_stand_in_holds_the_clients_bytes_and_the_id_the_decoder_reads() {
        for (Object id : List.of(new ObjectId(), "3c6444|29000000", new Document("flight", "LH400").append("n", 2), 7L)) {
            byte[] sent = bytes(rich(id));

            de.bwaldvogel.mongo.bson.Document standIn = RawInsert.read(Unpooled.wrappedBuffer(sent));

            de.bwaldvogel.mongo.bson.Document decoded = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(sent));
            assertThat(RawInsert.bytes(standIn)).isEqualTo(sent);
            assertThat(standIn.get("_id")).isEqualTo(decoded.get("_id"));
            // What every read does with the bytes kept: the document mongo-java-server decoded before.
            assertThat(BsonBytes.decode(ByteBuffer.wrap(sent))).usingRecursiveComparison().isEqualTo(decoded);
        }
    }

    @Test
    void a_document_without_an_id_is_decoded_since_the_store_gives_it_one() {
        byte[] sent = bytes(new Document("callsign", "DLH400").append("altitude", 35_000));

        de.bwaldvogel.mongo.bson.Document read = RawInsert.read(Unpooled.wrappedBuffer(sent));

        assertThat(RawInsert.bytes(read)).isNull();
        assertThat(read).isEqualTo(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(sent)));
    }

    @Test
    void what_the_decoder_refuses_is_refused_with_its_reason() {
        assertThatThrownBy(() -> read(withField(new Document("_id", 1).append("a", 1), "a", 2)))
                .hasMessageContaining("already contains field 'a'");
        byte[] bool = bytes(new Document("_id", 1).append("ok", true));
        bool[bool.length - 2] = 2;
        assertThatThrownBy(() -> read(bool)).hasMessageContaining("Illegal boolean value");
        byte[] md5 = bytes(new Document("_id", 1).append("h", new Binary(BsonBinarySubType.MD5, new byte[16])));
        assertThatThrownBy(() -> read(md5)).hasMessageContaining("Unknown subtype");
        byte[] symbol = bytes(new Document("_id", 1).append("s", "x"));
        symbol[4 + 1 + 4 + 4] = 0x0E;
        assertThatThrownBy(() -> read(symbol)).hasMessageContaining("unknown type: 0xe");
        Document deep = new Document("leaf", 1);
        for (int level = 0; level < BsonCheck.MAX_DEPTH + 1; level++) {
            deep = new Document("in", deep);
        }
        byte[] tooDeep = bytes(deep.append("_id", 1));
        assertThatThrownBy(() -> read(tooDeep)).hasMessageContaining("nested more than 100 levels");
        byte[] cut = Arrays.copyOf(bytes(new Document("_id", 1).append("s", "x")), 12);
        assertThatThrownBy(() -> read(cut)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Bytes changed at random in a document of every type: each one kept is one the store's reader
     * and mongo-java-server's decoder both read, so a find never meets a document it cannot read.
     */
    @Test
    void every_mutant_kept_reads_back() {
        byte[] original = bytes(rich(new ObjectId()));
        Random random = new Random(20261207);
        int kept = 0;
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] mutant = original.clone();
            for (int change = 1 + random.nextInt(3); change > 0; change--) {
                mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
            }
            byte[] bson;
            try {
                bson = RawInsert.bytes(read(mutant));
            } catch (IllegalArgumentException refusedOne) {
                refused++;
                continue;
            }
            if (bson != null) {
                kept++;
                BsonBytes.decode(ByteBuffer.wrap(bson));
                BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
            }
        }
        assertThat(kept).isGreaterThan(1_000);
        assertThat(refused).isGreaterThan(1_000);
    }

    @Test
    void the_store_keeps_the_bytes_sent_where_its_only_index_is_the_ids() {
        Document sent = new Document("_id", "3c6444|1").append("gone", new BsonUndefined()).append("v", 1);

        StoreFiles.withDatabase(dir.resolve("raw.mv"), (backend, database) -> {
            database.getCollection("raw").insertMany(List.of(sent));
            MVMap<Object, byte[]> data = backend.getMvStore().openMap("databases.airlines.raw",
                    new MVMap.Builder<Object, byte[]>().valueType(StoredBsonType.INSTANCE));
            // Decoded and encoded again, the undefined value would be stored as a null.
            assertThat(data.get("3c6444|1")).isEqualTo(bytes(sent));
            assertThat(database.getCollection("raw").find().first()).isEqualTo(
                    new Document("_id", "3c6444|1").append("gone", null).append("v", 1));
        });
    }

    @Test
    void a_collection_with_another_unique_index_indexes_the_documents_decoded() {
        StoreFiles.withDatabase(dir.resolve("indexed.mv"), (backend, database) -> {
            MongoCollection<Document> legs = database.getCollection("indexed");
            legs.createIndex(Indexes.ascending("flight"), new IndexOptions().unique(true));

            legs.insertMany(List.of(new Document("_id", 1).append("flight", "LH400"),
                    new Document("_id", 2).append("flight", "LH401")));

            assertThat(legs.countDocuments()).isEqualTo(2);
            assertThatThrownBy(() -> legs.insertMany(List.of(new Document("_id", 3).append("flight", "LH400"))))
                    .isInstanceOf(MongoBulkWriteException.class).hasMessageContaining("duplicate key");
            List<Document> read = legs.find().into(new ArrayList<>());
            assertThat(read).extracting(d -> d.getString("flight")).containsExactly("LH400", "LH401");
        });
    }

    private static de.bwaldvogel.mongo.bson.Document read(byte[] bson) {
        return RawInsert.read(Unpooled.wrappedBuffer(bson));
    }

    /** A document of every type the store reads, with {@code id} as its {@code _id}. */
    private static Document rich(Object id) {
        return new Document("_id", id)
                .append("callsign", "DLH400 é")
                .append("altitude", 35_000)
                .append("seen", 1_765_000_000_000L)
                .append("lat", 50.033)
                .append("onGround", false)
                .append("at", new Date(1_765_000_000_000L))
                .append("squawk", null)
                .append("points", List.of(new Document("t", 1).append("lat", 50.1), new Document("t", 2).append("lat", 50.2)))
                .append("meta", new Document("source", "sbs").append("tags", List.of("a", "b")))
                .append("blob", new Binary(new byte[] {1, 2, 3}))
                .append("own", new Binary(BsonBinarySubType.USER_DEFINED, new byte[] {4}))
                .append("uuid", new BsonBinary(UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479"), UuidRepresentation.STANDARD))
                .append("price", Decimal128.parse("12.50"))
                .append("pattern", new BsonRegularExpression("^LH", "i"))
                .append("ts", new BsonTimestamp(1_765_000_000, 3))
                .append("min", new BsonMinKey())
                .append("max", new BsonMaxKey())
                .append("code", new Code("return 1"))
                .append("undefined", new BsonUndefined());
    }

    private static byte[] bytes(Document document) {
        RawBsonDocument raw = new RawBsonDocument(document, new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry()));
        ByteBuffer buffer = raw.getByteBuffer().asNIO();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** {@code document}'s bytes with one more field named {@code name}, which it already has. */
    private static byte[] withField(Document document, String name, int value) {
        byte[] bson = bytes(document);
        byte[] field = new byte[1 + name.length() + 1 + 4];
        field[0] = 0x10;
        System.arraycopy(name.getBytes(), 0, field, 1, name.length());
        ByteBuffer.wrap(field, 1 + name.length() + 1, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(value);
        byte[] out = new byte[bson.length + field.length];
        System.arraycopy(bson, 0, out, 0, bson.length - 1);
        System.arraycopy(field, 0, out, bson.length - 1, field.length);
        out[out.length - 1] = 0;
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(0, out.length);
        return out;
    }
}
