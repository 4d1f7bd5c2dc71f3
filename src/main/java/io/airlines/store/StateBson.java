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
        string(out, "callsign", p.callsign());
        string(out, "flightNumber", p.flightNumber());
        string(out, "airline", p.airline());
        string(out, "airlineName", p.airlineName());
        string(out, "origin", p.origin());
        string(out, "destination", p.destination());
        number(out, "lat", p.lat());
        number(out, "lon", p.lon());
        number(out, "altitude", p.altitude());
        number(out, "speed", p.speed());
        number(out, "track", p.track());
        number(out, "verticalRate", p.verticalRate());
        string(out, "squawk", p.squawk());
        if (p.onGround() == null) {
            out.nul("onGround");
        } else {
            out.bool("onGround", p.onGround());
        }
        string(out, "phase", p.phase());
        number(out, "distanceToDestinationKm", p.distanceToDestinationKm());
        string(out, "eta", p.eta());
        if (p.delayMinutes() == null) {
            out.nul("delayMinutes");
        } else {
            out.int32("delayMinutes", p.delayMinutes());
        }
        string(out, "source", p.source());
        out.int64("time", p.time());
        if (p.received() == null) {
            out.nul("received");
        } else {
            out.int64("received", p.received());
        }
        string(out, "registration", p.registration());
        string(out, "aircraftType", p.aircraftType());
        string(out, "country", p.country());
        out.date("updatedAt", p.time());
        out.end(doc);
        return out.toDocument();
    }

    private static void string(BsonOut out, String name, String value) {
        if (value == null) {
            out.nul(name);
        } else {
            out.string(name, value);
        }
    }

    private static void number(BsonOut out, String name, Double value) {
        if (value == null) {
            out.nul(name);
        } else {
            out.dbl(name, value);
        }
    }
}
