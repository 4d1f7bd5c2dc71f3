package io.airlines.embedded.mongo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MessageFlag;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * mongo-java-server's decoder of the wire protocol, except that the documents an {@code insert}
 * sends as a document sequence (as every driver of today does) arrive as {@link RawInsert} stand-ins,
 * kept as their bytes. Messages other than OP_MSG go to mongo-java-server's own decoding.
 */
final class WireDecoder extends MongoWireProtocolHandler {

    /** Length, request id, response to, op code. */
    private static final int HEADER_BYTES = 16;
    private static final int CHECKSUM_BYTES = 4;
    private static final byte BODY = MongoMessage.SECTION_KIND_BODY;
    private static final byte SEQUENCE = MongoMessage.SECTION_KIND_DOCUMENT_SEQUENCE;

    @Override
    protected ClientRequest decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (in.readableBytes() < HEADER_BYTES || in.getIntLE(in.readerIndex() + 12) != OpCode.OP_MSG.getId()) {
            return super.decode(ctx, in);
        }
        int total = in.getIntLE(in.readerIndex());
        if (total > MAX_MESSAGE_SIZE_BYTES) {
            throw new IOException("message too large: " + total + " bytes");
        }
        if (total < HEADER_BYTES + 4) {
            throw new IOException("message too short: " + total + " bytes");
        }
        if (in.readableBytes() < total) {
            return null;
        }
        ByteBuf message = in.readSlice(total).skipBytes(4);
        MessageHeader header = new MessageHeader(total, message.readIntLE(), message.readIntLE());
        message.skipBytes(4);
        return new MongoMessage(ctx.channel(), header, sections(message));
    }

    /** The body with each document sequence under its identifier, as mongo-java-server puts them. */
    private static Document sections(ByteBuf message) {
        int flags = message.readIntLE();
        boolean checksum = MessageFlag.CHECKSUM_PRESENT.isSet(flags);
        if (checksum) {
            flags = MessageFlag.CHECKSUM_PRESENT.removeFrom(flags);
        }
        if (flags != 0) {
            throw new UnsupportedOperationException("flags=" + flags + " not yet supported");
        }
        int end = message.writerIndex() - (checksum ? CHECKSUM_BYTES : 0);
        Document body = null;
        List<Map.Entry<String, ByteBuf>> sequences = new ArrayList<>(1);
        while (message.readerIndex() < end) {
            byte kind = message.readByte();
            if (kind == BODY) {
                Assert.isNull(body);
                body = BsonDecoder.decodeBson(message);
            } else if (kind == SEQUENCE) {
                int start = message.readerIndex();
                int size = message.readIntLE();
                String identifier = BsonDecoder.decodeCString(message);
                sequences.add(Map.entry(identifier, message.readSlice(size - (message.readerIndex() - start))));
            } else {
                throw new IllegalArgumentException("Unexpected section kind: " + kind);
            }
        }
        if (checksum) {
            message.skipBytes(CHECKSUM_BYTES);
        }
        if (message.isReadable()) {
            throw new IllegalArgumentException("OP_MSG: " + message.readableBytes() + " bytes past its sections");
        }
        Assert.notNull(body);
        boolean insert = body.keySet().stream().findFirst().orElse("").equals("insert");
        for (Map.Entry<String, ByteBuf> sequence : sequences) {
            boolean raw = insert && sequence.getKey().equals("documents");
            ByteBuf documents = sequence.getValue();
            List<Document> decoded = new ArrayList<>();
            do {
                decoded.add(raw ? RawInsert.read(documents) : BsonDecoder.decodeBson(documents));
            } while (documents.isReadable());
            Object old = body.put(sequence.getKey(), decoded);
            Assert.isNull(old);
        }
        return body;
    }
}
