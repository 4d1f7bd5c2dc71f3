package io.airlines.flight;

import java.util.Locale;

import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.FlightLeg.RouteSource;
import org.bson.Document;

/** A leg as a {@code legs} document and back; field names are the API's. */
final class LegDocuments {

    private LegDocuments() {
    }

    static Document toDocument(FlightLeg l) {
        return new Document("_id", l.id())
                .append("transponder", l.transponder())
                .append("registration", l.registration())
                .append("aircraftType", l.aircraftType())
                .append("country", l.country())
                .append("callsign", l.callsign())
                .append("flightNumber", l.flightNumber())
                .append("airline", l.airline())
                .append("airlineName", l.airlineName())
                .append("origin", l.origin())
                .append("destination", l.destination())
                .append("routeSource", l.routeSource().name().toLowerCase(Locale.ROOT))
                .append("scheduledDeparture", LegStore.date(l.scheduledDeparture()))
                .append("scheduledArrival", LegStore.date(l.scheduledArrival()))
                .append("offBlock", LegStore.date(l.offBlock()))
                .append("takeoff", LegStore.date(l.takeoff()))
                .append("landing", LegStore.date(l.landing()))
                .append("onBlock", LegStore.date(l.onBlock()))
                .append("firstSeen", LegStore.date(l.firstSeen()))
                .append("lastSeen", LegStore.date(l.lastSeen()))
                .append("delayMinutes", l.delayMinutes())
                .append("status", l.status().name().toLowerCase(Locale.ROOT))
                .append("maxAltitude", l.maxAltitude())
                .append("distanceKm", l.distanceKm())
                .append("points", l.points());
    }

    static FlightLeg fromDocument(Document d) {
        Number maxAltitude = (Number) d.get("maxAltitude");
        Number distance = (Number) d.get("distanceKm");
        Number points = (Number) d.get("points");
        return new FlightLeg(d.getString("_id"), d.getString("transponder"), d.getString("registration"),
                d.getString("aircraftType"), d.getString("country"), d.getString("callsign"),
                d.getString("flightNumber"), d.getString("airline"), d.getString("airlineName"),
                d.getString("origin"), d.getString("destination"),
                RouteSource.valueOf(d.getString("routeSource").toUpperCase(Locale.ROOT)),
                LegStore.instant(d, "scheduledDeparture"), LegStore.instant(d, "scheduledArrival"),
                LegStore.instant(d, "offBlock"), LegStore.instant(d, "takeoff"), LegStore.instant(d, "landing"),
                LegStore.instant(d, "onBlock"), LegStore.instant(d, "firstSeen"), LegStore.instant(d, "lastSeen"),
                d.getInteger("delayMinutes"), LegStatus.valueOf(d.getString("status").toUpperCase(Locale.ROOT)),
                maxAltitude == null ? null : maxAltitude.doubleValue(),
                distance == null ? 0 : distance.doubleValue(), points == null ? 0 : points.intValue());
    }
}
