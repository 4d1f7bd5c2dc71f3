package io.airlines.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * A test's own flights between Frankfurt and Munich (both on Berlin time), written into the
 * board and search documents of their local dates as the timetable writes them, beside the demo
 * timetable's rows. Not into {@code flights}, which the simulator flies: no simulated aircraft
 * flies them and no simulated airline cancels them. Flight numbers {@code LH9910} and up are
 * beyond the demo timetable's.
 */
public final class OwnTimetable {

    public static final String HUB = "FRA";
    public static final String OTHER = "MUC";
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final int MINUTES_FLOWN = 55;

    /** One flight; times at a whole minute, as timetables have them. */
    public record Flight(String number, String origin, String destination, Instant departure, Instant arrival) {

        /** The instant the board row of {@code airport} shows. */
        public Instant scheduledAt(String airport) {
            return airport.equals(origin) ? departure : arrival;
        }

        /** The local date of the board of {@code airport} that lists it. */
        public String dateAt(String airport) {
            return scheduledAt(airport).atZone(ZONE).toLocalDate().toString();
        }

        public String localAt(String airport) {
            return LOCAL.format(scheduledAt(airport).atZone(ZONE));
        }
    }

    private final MongoCollection<Document> boards;
    private final MongoCollection<Document> timetables;
    private final Function<String, String> cityKey;

    public OwnTimetable(MongoDatabase database, FlightSearch search) {
        this.boards = database.getCollection("boards");
        this.timetables = database.getCollection("timetables");
        this.cityKey = search::cityKeyOf;
    }

    /** Flight {@code number} leaving {@code origin} (FRA or MUC) at {@code departure}, cut to the minute. */
    public static Flight flight(int number, String origin, Instant departure) {
        Instant at = departure.truncatedTo(ChronoUnit.MINUTES);
        return new Flight("LH" + number, origin, origin.equals(HUB) ? OTHER : HUB, at, at.plusSeconds(MINUTES_FLOWN * 60L));
    }

    /** Lists the flights on the boards of both ends and in the search of their route and date. */
    public void write(List<Flight> flights) {
        for (Flight f : flights) {
            Leg leg = new Leg("LH", null, f.number(), f.origin(), f.destination(), f.localAt(f.origin()),
                    f.localAt(f.destination()), "320", null);
            Journey j = new Journey(Journey.key(f.origin(), f.destination(), leg.departureLocal(), List.of(leg)),
                    f.origin(), f.destination(), leg.departureLocal(), leg.arrivalLocal(), f.departure().toString(),
                    f.arrival().toString(), MINUTES_FLOWN, 0, DemoTimetable.SOURCE, List.of(leg));
            Document row = new Document("n", f.number()).append("c", "LH").append("o", f.origin())
                    .append("d", f.destination()).append("a", "320").append("src", DemoTimetable.SOURCE);
            add(boards, TimetableKeys.board(f.origin(), f.dateAt(f.origin())), "departures",
                    new Document(row).append("t", leg.departureLocal()), "t");
            add(boards, TimetableKeys.board(f.destination(), f.dateAt(f.destination())), "arrivals",
                    new Document(row).append("t", leg.arrivalLocal()), "t");
            for (String key : TimetableKeys.timetablesOf(j, cityKey)) {
                add(timetables, key, "journeys", JourneyDocuments.compact(j), "du");
            }
        }
    }

    private static void add(MongoCollection<Document> collection, String id, String field, Document row, String time) {
        Document doc = collection.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            doc = new Document("_id", id);
        }
        List<Document> rows = new ArrayList<>(doc.getList(field, Document.class, List.of()));
        rows.add(row);
        rows.sort(Comparator.comparing(r -> r.getString(time)));
        doc.put(field, rows);
        collection.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }
}
