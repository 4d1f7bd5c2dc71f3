package io.airlines.embedded.mongo;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A document of an {@code insert} as the client sent it: its BSON bytes, checked ({@link BsonCheck}),
 * in a stand-in {@link Document} holding only its {@code _id} and those bytes. The collection
 * stores the bytes as they are when its only index is the {@code _id}'s, and decodes the stand-in
 * first otherwise ({@link #decodedAll}).
 * <p>
 * mongo-java-server decodes every inserted document into maps, lists and boxed numbers, which the
 * store then encodes again to keep its bytes: a third of the store's work when the sink inserts track
 * segments of dozens of points each, and all of it thrown away.
 */
final class RawInsert {

    /** The stand-in's field for the bytes: no client can send this name, BSON's names end at their first NUL. */
    private static final String BYTES = "\0bson";
    private static final String ID = "_id";

    private RawInsert() {
    }

    /**
     * Reads one document from {@code in} and moves past it: a stand-in when it has an {@code _id},
     * else the document decoded (the store gives it one, which changes its bytes).
     *
     * @throws IllegalArgumentException when it is not a document the store can read back
     */
    static Document read(ByteBuf in) {
        int length = in.readableBytes() < 4 ? -1 : in.getIntLE(in.readerIndex());
        if (length < 5 || length > in.readableBytes()) {
            throw new IllegalArgumentException("Too few bytes to read: " + in.readableBytes() + ". Expected: " + length);
        }
        if (length - 4 > BsonConstants.MAX_BSON_OBJECT_SIZE) {
            throw new IllegalArgumentException("BSON object too large: " + (length - 4) + " bytes");
        }
        byte[] bson = new byte[length];
        in.readBytes(bson);
        int idType = BsonCheck.idTypeAt(bson);
        if (idType < 0) {
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        }
        ByteBuf id = Unpooled.wrappedBuffer(bson);
        // The value follows the type byte and the name "_id" with its NUL.
        id.readerIndex(idType + 1 + ID.length() + 1);
        Document standIn = new Document(ID, BsonDecoder.decodeValue(bson[idType], id));
        standIn.put(BYTES, bson);
        return standIn;
    }

    /** The bytes a stand-in holds; null for any other document. */
    static byte[] bytes(Document document) {
        return document.size() == 2 && document.get(BYTES) instanceof byte[] bson ? bson : null;
    }

    /** Replaces each stand-in of {@code documents} by the document it holds, decoded. */
    static void decodedAll(List<Document> documents) {
        for (int i = 0; i < documents.size(); i++) {
            byte[] bson = bytes(documents.get(i));
            if (bson != null) {
                documents.set(i, BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)));
            }
        }
    }
}
