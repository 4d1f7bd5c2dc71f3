package io.airlines.store;

import io.airlines.stream.Position;
import org.bson.RawBsonDocument;

/**
 * A flight's latest state as {@code flight_state} holds it, written as BSON bytes directly, as
 * {@link TrackBson} writes tracks: at world scale the sink writes a few thousand states a second,
 * and a {@code Document} of 26 fields, each boxed and put in a map, then encoded through the
 * driver's codecs, cost several times as much ({@code bench sink}, "state BSON" rows). The bytes
 * are those the driver writes for the same {@code Document} ({@code StateBsonTest}), and
 * {@link StateDocuments#fromDocument} reads them back.
 */
final class StateBson {

    private StateBson() {
    }

    static RawBsonDocument document(Position p) {
        BsonOut out = new BsonOut(768);
        int doc = out.startDocument();
        out.string("_id", p.key());
        out.orNull("callsign", p.callsign(), out::string);
        out.orNull("flightNumber", p.flightNumber(), out::string);
        out.orNull("airline", p.airline(), out::string);
        out.orNull("airlineName", p.airlineName(), out::string);
        out.orNull("origin", p.origin(), out::string);
        out.orNull("destination", p.destination(), out::string);
        out.orNull("lat", p.lat(), out::dbl);
        out.orNull("lon", p.lon(), out::dbl);
        out.orNull("altitude", p.altitude(), out::dbl);
        out.orNull("speed", p.speed(), out::dbl);
        out.orNull("track", p.track(), out::dbl);
        out.orNull("verticalRate", p.verticalRate(), out::dbl);
        out.orNull("squawk", p.squawk(), out::string);
        out.orNull("onGround", p.onGround(), out::bool);
        out.orNull("phase", p.phase(), out::string);
        out.orNull("distanceToDestinationKm", p.distanceToDestinationKm(), out::dbl);
        out.orNull("eta", p.eta(), out::string);
        out.orNull("delayMinutes", p.delayMinutes(), out::int32);
        out.orNull("source", p.source(), out::string);
        out.int64("time", p.time());
        out.orNull("received", p.received(), out::int64);
        out.orNull("registration", p.registration(), out::string);
        out.orNull("aircraftType", p.aircraftType(), out::string);
        out.orNull("country", p.country(), out::string);
        out.date("updatedAt", p.time());
        out.end(doc);
        return out.toDocument();
    }
}
