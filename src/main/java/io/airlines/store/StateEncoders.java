package io.airlines.store;

import java.util.List;

import io.airlines.stream.Position;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Flight states encoded as the sink writes them to {@code flight_state}, by either of the two
 * encoders that write the same bytes: for the sink benchmark, which races them.
 */
public final class StateEncoders {

    private static final DocumentCodec CODEC = new DocumentCodec();

    private final List<Position> states;

    public StateEncoders(List<Position> states) {
        this.states = List.copyOf(states);
    }

    public int states() {
        return states.size();
    }

    /**
     * Encodes every state, by hand ({@link StateBson}) or as a {@code Document} through the driver's
     * codec; returns the bytes written, which the caller uses so that no encoding is skipped.
     */
    public long encode(TrackEncoders.Encoder encoder) {
        long bytes = 0;
        for (Position p : states) {
            RawBsonDocument written = encoder == TrackEncoders.Encoder.HAND
                    ? StateBson.document(p)
                    : new RawBsonDocument(StateDocuments.toDocument(p), CODEC);
            bytes += written.getByteBuffer().remaining();
        }
        return bytes;
    }
}
