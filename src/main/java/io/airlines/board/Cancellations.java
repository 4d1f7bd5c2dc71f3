package io.airlines.board;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.airlines.board.TimetableFlight.Side;
import io.airlines.store.RetainedData;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Flights their operator announced cancelled ({@code cancellations}), whatever timetable lists
 * them: one document per airport and side, {@code _id = FRA|202612051040|D|LH400} (airport, UTC
 * scheduled time, departure or arrival, flight number), so a board reads its airport's
 * cancellations around its rows in one {@code _id} range. Announcing again replaces the same
 * documents. A row is cancelled by the announcement of the same flight number on its side within
 * {@link #SAME_FLIGHT} of its time: the two sources of a time (a timetable's local time with the
 * airport's zone, the announcer's UTC time) may disagree by a zone rule, never by a day.
 */
@Component
public class Cancellations implements RetainedData {

    static final String COLLECTION = "cancellations";
    static final Duration SAME_FLIGHT = Duration.ofHours(1);

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final MongoCollection<Document> cancelled;

    public Cancellations(MongoDatabase database) {
        this.cancelled = database.getCollection(COLLECTION);
    }

    /** A cancelled flight as its operator announces it; times UTC. */
    public record Cancellation(String flightNumber, String origin, String destination, Instant departure,
                               Instant arrival) {
    }

    /** Records the announcements (again: no change). */
    public void announce(Collection<Cancellation> announced) {
        if (announced.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(announced.size() * 2);
        for (Cancellation c : announced) {
            for (Document d : List.of(document(c, Side.DEPARTURE), document(c, Side.ARRIVAL))) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", d.getString("_id")), d,
                        new ReplaceOptions().upsert(true)));
            }
        }
        cancelled.bulkWrite(writes);
    }

    /** The flights of one airport, those announced cancelled marked so. */
    List<TimetableFlight> marked(String airport, List<TimetableFlight> flights) {
        if (flights.isEmpty()) {
            return flights;
        }
        Instant from = flights.stream().map(TimetableFlight::scheduled).min(Instant::compareTo).orElseThrow();
        Instant to = flights.stream().map(TimetableFlight::scheduled).max(Instant::compareTo).orElseThrow();
        List<Document> near = new ArrayList<>();
        cancelled.find(new Document("_id", new Document("$gte", key(airport, from.minus(SAME_FLIGHT)))
                .append("$lt", key(airport, to.plus(SAME_FLIGHT).plusSeconds(60))))).into(near);
        if (near.isEmpty()) {
            return flights;
        }
        return flights.stream().map(f -> near.stream().anyMatch(d -> announces(d, f)) ? f.asCancelled() : f).toList();
    }

    private static boolean announces(Document d, TimetableFlight f) {
        Date at = d.getDate("at");
        return f.side().name().equals(d.getString("side"))
                && TimetableFlight.normalized(d.getString("flightNumber")).equals(TimetableFlight.normalized(f.flightNumber()))
                && Duration.between(at.toInstant(), f.scheduled()).abs().compareTo(SAME_FLIGHT) <= 0;
    }

    private static Document document(Cancellation c, Side side) {
        String airport = side == Side.DEPARTURE ? c.origin() : c.destination();
        Instant at = side == Side.DEPARTURE ? c.departure() : c.arrival();
        String number = TimetableFlight.normalized(c.flightNumber());
        return new Document("_id", key(airport, at) + "|" + side.name().charAt(0) + "|" + number)
                .append("flightNumber", number).append("origin", c.origin()).append("destination", c.destination())
                .append("side", side.name()).append("at", Date.from(at))
                .append("departure", Date.from(c.departure()));
    }

    private static String key(String airport, Instant at) {
        return airport + "|" + MINUTE.format(at);
    }

    /** Past the retention, as the legs of the flights that did fly. */
    @Override
    public long purgeOlderThan(Instant cutoff) {
        return cancelled.deleteMany(Filters.lt("departure", Date.from(cutoff))).getDeletedCount();
    }
}
