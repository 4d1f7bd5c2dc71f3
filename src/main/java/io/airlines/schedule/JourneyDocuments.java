package io.airlines.schedule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.bson.Document;

/**
 * Journeys as stored: the {@code flights} document keeps the Lufthansa structure
 * ({@code TotalJourney}, {@code Flight} array of legs) plus normalized fields for queries; the
 * compact form goes inside timetable documents.
 */
final class JourneyDocuments {

    private JourneyDocuments() {
    }

    /** The {@code flights} document, {@code _id} = journey key. */
    public static Document flight(Journey j) {
        List<Document> legs = new ArrayList<>();
        for (Leg leg : j.legs()) {
            legs.add(new Document("Departure", new Document("AirportCode", leg.origin())
                    .append("ScheduledTimeLocal", new Document("DateTime", leg.departureLocal())))
                    .append("Arrival", new Document("AirportCode", leg.destination())
                            .append("ScheduledTimeLocal", new Document("DateTime", leg.arrivalLocal())))
                    .append("MarketingCarrier", new Document("AirlineID", leg.carrier())
                            .append("FlightNumber", leg.flightNumber().substring(Math.min(2, leg.flightNumber().length()))))
                    .append("Equipment", new Document("AircraftCode", leg.aircraft())));
        }
        LinkedHashSet<String> carriers = new LinkedHashSet<>();
        LinkedHashSet<String> aircraft = new LinkedHashSet<>();
        j.legs().forEach(l -> {
            carriers.add(l.carrier());
            if (l.aircraft() != null) {
                aircraft.add(l.aircraft());
            }
        });
        return new Document("_id", j.id())
                .append("TotalJourney", new Document("Duration", isoDuration(j.durationMinutes())))
                .append("Flight", legs)
                .append("origin", j.origin())
                .append("destination", j.destination())
                .append("departure_date", j.date())
                .append("departure_local", j.departureLocal())
                .append("arrival_local", j.arrivalLocal())
                .append("departure_utc", j.departureUtc())
                .append("arrival_utc", j.arrivalUtc())
                .append("duration_minutes", j.durationMinutes())
                .append("stops", j.stops())
                .append("carriers", new ArrayList<>(carriers))
                .append("flight_numbers", j.legs().stream().map(Leg::flightNumber).toList())
                .append("aircraft", new ArrayList<>(aircraft))
                .append("source", j.source());
    }

    static String isoDuration(int minutes) {
        int days = minutes / 1440;
        int rest = minutes % 1440;
        return "P" + (days > 0 ? days + "D" : "") + "T" + rest / 60 + "H" + rest % 60 + "M";
    }

    /** Compact form inside a timetable document (names are added at read time from the catalog). */
    public static Document compact(Journey j) {
        List<Document> legs = j.legs().stream().map(l -> new Document("c", l.carrier())
                .append("n", l.flightNumber()).append("o", l.origin()).append("d", l.destination())
                .append("dl", l.departureLocal()).append("al", l.arrivalLocal()).append("a", l.aircraft())).toList();
        return new Document("id", j.id()).append("o", j.origin()).append("d", j.destination())
                .append("dl", j.departureLocal()).append("al", j.arrivalLocal())
                .append("du", j.departureUtc()).append("au", j.arrivalUtc())
                .append("m", j.durationMinutes()).append("s", j.stops()).append("src", j.source())
                .append("legs", legs);
    }

    public static Journey fromCompact(Document d) {
        List<Leg> legs = d.getList("legs", Document.class).stream().map(l -> new Leg(l.getString("c"), null,
                l.getString("n"), l.getString("o"), l.getString("d"), l.getString("dl"), l.getString("al"),
                l.getString("a"), null)).toList();
        return new Journey(d.getString("id"), d.getString("o"), d.getString("d"), d.getString("dl"),
                d.getString("al"), d.getString("du"), d.getString("au"), d.getInteger("m"), d.getInteger("s"),
                d.getString("src"), legs);
    }
}
