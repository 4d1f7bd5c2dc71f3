package io.airlines.schedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import io.airlines.reference.StoreWrites;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Stores journeys three ways, written once per batch: {@code flights} (one document per journey,
 * the original structure), {@code timetables} (the journeys of one origin, destination and date,
 * read by {@code _id} by the search) and {@code boards} (departures and arrivals of one airport and
 * date). Lufthansa journeys take precedence: a timetable or board holding any drops its demo rows.
 */
@Component
public class TimetableStore {

    /** One document per journey, as the original structure had them. */
    public static final String FLIGHTS = "flights";
    static final String LUFTHANSA = "lufthansa";

    private final MongoCollection<Document> flights;
    private final MongoCollection<Document> timetables;
    private final MongoCollection<Document> boards;

    public TimetableStore(MongoDatabase database) {
        this.flights = database.getCollection(FLIGHTS);
        this.timetables = database.getCollection("timetables");
        this.boards = database.getCollection("boards");
    }

    public void createIndexes() {
        // Used by a real MongoDB; the embedded store answers searches from _id lookups.
        flights.createIndex(Indexes.ascending("origin", "destination", "departure_date"));
        flights.createIndex(Indexes.ascending("flight_numbers"));
    }

    /**
     * Writes a batch of journeys; {@code cityKey} names the multi-airport city key of an airport
     * (or null). Returns what changed in {@code flights}.
     */
    public StoreWrites.UpsertCount write(Collection<Journey> journeys, Function<String, String> cityKey) {
        if (journeys.isEmpty()) {
            return new StoreWrites.UpsertCount(0, 0, 0);
        }
        StoreWrites.UpsertCount count = StoreWrites.upsertChanged(flights,
                journeys.stream().map(JourneyDocuments::flight).toList());
        writeTimetables(journeys, cityKey);
        writeBoards(journeys);
        return count;
    }

    /**
     * Inserts journeys of dates not stored yet, without reading anything first (bulk loads such
     * as benchmarks); boards are not written.
     */
    public void insertNew(Collection<Journey> journeys, Function<String, String> cityKey) {
        InsertManyOptions unordered = new InsertManyOptions().ordered(false);
        flights.insertMany(journeys.stream().map(JourneyDocuments::flight).toList(), unordered);
        Map<String, List<Document>> byKey = new LinkedHashMap<>();
        for (Journey j : journeys) {
            Document compact = JourneyDocuments.compact(j);
            for (String key : TimetableKeys.timetablesOf(j, cityKey)) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(compact);
            }
        }
        List<Document> docs = new ArrayList<>();
        byKey.forEach((key, rows) -> docs.add(new Document("_id", key).append("journeys",
                merge(null, "journeys", rows, r -> r.getString("id"), r -> r.getString("du")))));
        timetables.insertMany(docs, unordered);
    }

    private void writeTimetables(Collection<Journey> journeys, Function<String, String> cityKey) {
        Map<String, List<Document>> incoming = new LinkedHashMap<>();
        for (Journey j : journeys) {
            Document compact = JourneyDocuments.compact(j);
            for (String key : TimetableKeys.timetablesOf(j, cityKey)) {
                incoming.computeIfAbsent(key, k -> new ArrayList<>()).add(compact);
            }
        }
        Map<Object, Document> existing = StoreWrites.findByIds(timetables, new ArrayList<>(incoming.keySet()));
        List<Document> docs = new ArrayList<>();
        incoming.forEach((key, rows) -> docs.add(new Document("_id", key).append("journeys",
                merge(existing.get(key), "journeys", rows, r -> r.getString("id"), r -> r.getString("du")))));
        StoreWrites.upsertChanged(timetables, docs, existing);
    }

    private void writeBoards(Collection<Journey> journeys) {
        Map<String, List<Document>> departures = new LinkedHashMap<>();
        Map<String, List<Document>> arrivals = new LinkedHashMap<>();
        for (Journey j : journeys) {
            for (Leg leg : j.legs()) {
                Document row = new Document("n", leg.flightNumber()).append("c", leg.carrier())
                        .append("o", leg.origin()).append("d", leg.destination()).append("a", leg.aircraft())
                        .append("src", j.source());
                departures.computeIfAbsent(TimetableKeys.board(leg.origin(), leg.departureLocal().substring(0, 10)),
                        k -> new ArrayList<>()).add(new Document(row).append("t", leg.departureLocal()));
                arrivals.computeIfAbsent(TimetableKeys.board(leg.destination(), leg.arrivalLocal().substring(0, 10)),
                        k -> new ArrayList<>()).add(new Document(row).append("t", leg.arrivalLocal()));
            }
        }
        List<Object> keys = new ArrayList<>(departures.keySet());
        arrivals.keySet().stream().filter(k -> !departures.containsKey(k)).forEach(keys::add);
        Map<Object, Document> existing = StoreWrites.findByIds(boards, keys);
        Function<Document, String> rowKey = r -> r.getString("n") + "|" + r.getString("t");
        Function<Document, String> rowTime = r -> r.getString("t");
        List<Document> docs = new ArrayList<>();
        for (Object key : keys) {
            Document old = existing.get(key);
            docs.add(new Document("_id", key)
                    .append("departures", merge(old, "departures", departures.getOrDefault(key, List.of()), rowKey, rowTime))
                    .append("arrivals", merge(old, "arrivals", arrivals.getOrDefault(key, List.of()), rowKey, rowTime)));
        }
        StoreWrites.upsertChanged(boards, docs, existing);
    }

    /** Stored rows plus incoming ones (incoming wins per key), demo rows dropped when Lufthansa rows exist, by time. */
    static List<Document> merge(Document stored, String field, List<Document> incoming,
                                Function<Document, String> key, Function<Document, String> time) {
        Map<String, Document> rows = new LinkedHashMap<>();
        if (stored != null) {
            for (Document r : stored.getList(field, Document.class, List.of())) {
                rows.put(key.apply(r), r);
            }
        }
        for (Document r : incoming) {
            rows.put(key.apply(r), r);
        }
        boolean lufthansa = rows.values().stream().anyMatch(r -> LUFTHANSA.equals(r.getString("src")));
        return rows.values().stream()
                .filter(r -> !lufthansa || LUFTHANSA.equals(r.getString("src")))
                .sorted(Comparator.comparing(time).thenComparing(key))
                .toList();
    }

    public List<Journey> timetable(String from, String to, String date) {
        Document doc = timetables.find(Filters.eq("_id", TimetableKeys.timetable(from, to, date))).first();
        return doc == null ? List.of()
                : doc.getList("journeys", Document.class).stream().map(JourneyDocuments::fromCompact).toList();
    }

    public Optional<Document> board(String airport, String date) {
        return Optional.ofNullable(boards.find(Filters.eq("_id", TimetableKeys.board(airport, date))).first());
    }

    /** One journey document by its key: the plain {@code _id} lookup searches are compared with. */
    public Optional<Document> flight(String id) {
        return Optional.ofNullable(flights.find(Filters.eq("_id", id)).first());
    }

    public long journeyCount() {
        return flights.estimatedDocumentCount();
    }
}
