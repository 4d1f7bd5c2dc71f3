package io.airlines.store;

import java.util.Date;

import io.airlines.stream.Position;
import org.bson.Document;

/**
 * A flight's state as a {@code flight_state} document ({@code _id} = flight key) and back. The
 * sink writes the same bytes by hand ({@link StateBson}); this form is what they are checked and
 * raced against ({@code StateBsonTest}, {@link StateEncoders}).
 */
final class StateDocuments {

    private StateDocuments() {
    }

    static Document toDocument(Position p) {
        return new Document("_id", p.key())
                .append("callsign", p.callsign())
                .append("flightNumber", p.flightNumber())
                .append("airline", p.airline())
                .append("airlineName", p.airlineName())
                .append("origin", p.origin())
                .append("destination", p.destination())
                .append("lat", p.lat())
                .append("lon", p.lon())
                .append("altitude", p.altitude())
                .append("speed", p.speed())
                .append("track", p.track())
                .append("verticalRate", p.verticalRate())
                .append("squawk", p.squawk())
                .append("onGround", p.onGround())
                .append("phase", p.phase())
                .append("distanceToDestinationKm", p.distanceToDestinationKm())
                .append("eta", p.eta())
                .append("delayMinutes", p.delayMinutes())
                .append("source", p.source())
                .append("time", p.time())
                .append("received", p.received())
                .append("registration", p.registration())
                .append("aircraftType", p.aircraftType())
                .append("country", p.country())
                .append("updatedAt", new Date(p.time()));
    }

    static Position fromDocument(Document d) {
        return new Position(d.getString("_id"), d.getString("callsign"), d.getString("flightNumber"),
                d.getString("airline"), d.getString("airlineName"), d.getString("origin"), d.getString("destination"),
                number(d, "lat"), number(d, "lon"), number(d, "altitude"), number(d, "speed"), number(d, "track"),
                number(d, "verticalRate"), d.getString("squawk"), d.getBoolean("onGround"), d.getString("phase"),
                number(d, "distanceToDestinationKm"), d.getString("eta"), d.getInteger("delayMinutes"),
                d.getString("source"), ((Number) d.get("time")).longValue(),
                d.get("received") == null ? null : ((Number) d.get("received")).longValue(), null,
                d.getString("registration"), d.getString("aircraftType"), d.getString("country"));
    }

    private static Double number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
