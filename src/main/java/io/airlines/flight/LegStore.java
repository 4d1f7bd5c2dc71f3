package io.airlines.flight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.airlines.store.NewDocuments;
import io.airlines.store.SlicedWrites;
import io.airlines.store.RetainedData;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The {@code legs} collection and its key collection {@code leg_keys}. Every read a page needs is
 * a walk along {@code _id} (the only kind of index the embedded store uses for ranges): a day's
 * legs are the ids starting with the day; an airport's or a flight number's legs of a day are
 * the {@code leg_keys} entries {@code airport|FRA|20261205|<leg id>} and
 * {@code flight|LH400|20261205|<leg id>}, then one {@code $in} on {@code legs}; the history
 * filters walk {@code airline|20261205|DLH|<leg id>} (and {@code |LH|}, the flight number's
 * designator) and {@code q|20261205|<value>|<leg id>} for the flight number, callsign,
 * registration and transponder, folded as the query is. Saving is an
 * idempotent replace by id, so a leg written again after a replay stays one document.
 */
@Component
public final class LegStore implements RetainedData {

    public static final String COLLECTION = "legs";
    public static final String KEYS = "leg_keys";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    /** Sorts after every character of an id: the end of a prefix range. */
    private static final String END = "\uffff";

    private final MongoCollection<Document> legs;
    private final MongoCollection<Document> keys;
    private final List<Consumer<Collection<FlightLeg>>> savedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Collection<String>>> deletedListeners = new CopyOnWriteArrayList<>();

    public LegStore(MongoDatabase database) {
        this.legs = database.getCollection(COLLECTION);
        this.keys = database.getCollection(KEYS);
    }

    /**
     * Writes legs (new or updated) with their keys; the keys first, so a stored leg is always findable.
     * Both go in {@code _id} order: the store commits a command's writes in slices, and every commit
     * rewrites each page its writes touched; in order, a page is touched by one slice only, where
     * new legs' keys scattered over every airport's range rewrote the whole collection at each commit.
     */
    public void save(Collection<FlightLeg> updated) {
        if (updated.isEmpty()) {
            return;
        }
        SortedMap<String, String> legOfKey = new TreeMap<>();
        for (FlightLeg leg : updated) {
            for (String key : keysOf(leg)) {
                legOfKey.put(key, leg.id());
            }
        }
        List<Document> keyDocuments = new ArrayList<>(legOfKey.size());
        legOfKey.forEach((key, leg) -> keyDocuments.add(new Document("_id", key).append("leg", leg)));
        NewDocuments.insert(keys, keyDocuments);
        replace(updated);
    }

    /** Writes legs whose keys are stored already (their airports and flight number unchanged). */
    void replace(Collection<FlightLeg> updated) {
        if (updated.isEmpty()) {
            return;
        }
        SlicedWrites.upsertById(legs, inIdOrder(updated), FlightLeg::id, LegDocuments::toDocument);
        savedListeners.forEach(l -> l.accept(updated));
    }

    private static List<FlightLeg> inIdOrder(Collection<FlightLeg> legs) {
        List<FlightLeg> sorted = new ArrayList<>(legs);
        sorted.sort(Comparator.comparing(FlightLeg::id));
        return sorted;
    }

    /** Called with every batch of legs once it is written. */
    public void onSaved(Consumer<Collection<FlightLeg>> listener) {
        savedListeners.add(listener);
    }

    /** Called with the ids of legs deleted as no flight ({@link #deleteNoFlights}), once they are deleted. */
    public void onDeleted(Consumer<Collection<String>> listener) {
        deletedListeners.add(listener);
    }

    /**
     * Deletes legs that turned out to be no flight (they never took off); their keys go as stale
     * keys do ({@link #deleteKeys}).
     */
    void deleteNoFlights(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        legs.deleteMany(Filters.in("_id", ids));
        deletedListeners.forEach(l -> l.accept(ids));
    }

    /** Every leg first seen at or after {@code from}, in order of id: one walk along {@code _id}. */
    public void forEachSince(Instant from, Consumer<FlightLeg> action) {
        for (Document d : legs.find(idRange(FlightLeg.idOf(from, ""), END)).sort(Sorts.ascending("_id"))) {
            action.accept(LegDocuments.fromDocument(d));
        }
    }

    public Optional<FlightLeg> byId(String id) {
        return Optional.ofNullable(legs.find(Filters.eq("_id", id)).first()).map(LegDocuments::fromDocument);
    }

    /** The ids of the legs first seen on a UTC day, in order: one walk along {@code _id}. */
    public List<String> idsOfDay(LocalDate day) {
        List<String> ids = new ArrayList<>();
        for (Document d : legs.find(dayRange(day)).projection(new Document("_id", 1)).sort(Sorts.ascending("_id"))) {
            ids.add(d.getString("_id"));
        }
        return ids;
    }

    private static Bson dayRange(LocalDate day) {
        return idPrefix(DAY.format(day));
    }

    /**
     * The ids starting with a prefix, as one {@code _id} range written out: {@code Filters.and}
     * renders an {@code $and} that the embedded store's index does not take for a range.
     */
    private static Bson idPrefix(String prefix) {
        return idRange(prefix, prefix + END);
    }

    private static Bson idRange(String lower, String upper) {
        return new Document("_id", new Document("$gte", lower).append("$lt", upper));
    }

    /** The legs of a UTC day that took off from or landed at an airport (IATA code). */
    public List<FlightLeg> ofAirport(String airport, LocalDate day) {
        return byKeys(airportDay(airport, day));
    }

    /**
     * The ids of the legs of a UTC day that took off from or landed at an airport, in order: one
     * walk along its keys, small documents, so a page of a hub's legs need not read the others.
     */
    public List<String> idsOfAirport(String airport, LocalDate day) {
        List<String> ids = new ArrayList<>();
        for (Document k : keys.find(idPrefix(airportDay(airport, day))).sort(Sorts.ascending("_id"))) {
            ids.add(k.getString("leg"));
        }
        return ids;
    }

    /** The ids of the legs of a UTC day of an airline (its ICAO code, or the IATA designator of its flight numbers). */
    public List<String> idsOfAirline(String airline, LocalDate day) {
        return idsOfKeys(airlineDay(airline, DAY.format(day)));
    }

    /**
     * The ids of the legs of a UTC day whose flight number, callsign, registration or transponder
     * starts with {@code q} (case, dashes and spaces aside), in order: one walk along the day's search keys.
     */
    public List<String> idsMatching(String q, LocalDate day) {
        return idsOfKeys(searchDay(DAY.format(day)) + LegQuery.fold(q));
    }

    private List<String> idsOfKeys(String prefix) {
        Set<String> ids = new TreeSet<>();
        for (Document k : keys.find(idPrefix(prefix))) {
            ids.add(k.getString("leg"));
        }
        return List.copyOf(ids);
    }

    /** These legs, in order of id; one {@code $in} on {@code _id}. */
    public List<FlightLeg> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : find(Filters.in("_id", ids), 0, 0);
    }

    private static String airportDay(String airport, LocalDate day) {
        return "airport|" + airport + "|" + DAY.format(day) + "|";
    }

    /** Deletes index keys that no leg has any more. */
    void deleteKeys(Collection<String> stale) {
        if (!stale.isEmpty()) {
            keys.deleteMany(Filters.in("_id", stale));
        }
    }

    /**
     * The legs that took off from or landed at an airport and were first seen in {@code [from, to)}:
     * one walk along the airport's keys, which sort by day then by leg id (the time of its first point).
     */
    public List<FlightLeg> ofAirport(String airport, Instant from, Instant to) {
        String prefix = "airport|" + airport + "|";
        String lower = prefix + DAY.format(dayOf(from)) + "|" + FlightLeg.idOf(from, "");
        String upper = prefix + DAY.format(dayOf(to)) + "|" + FlightLeg.idOf(to, "");
        return from.isBefore(to) ? byKeys(idRange(lower, upper)) : List.of();
    }

    /** The legs of a UTC day flown under a flight number. */
    public List<FlightLeg> ofFlight(String flightNumber, LocalDate day) {
        return byKeys("flight|" + flightNumber + "|" + DAY.format(day) + "|");
    }

    private List<FlightLeg> byKeys(String prefix) {
        return byKeys(idPrefix(prefix));
    }

    private List<FlightLeg> byKeys(Bson range) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document k : keys.find(range)) {
            ids.add(k.getString("leg"));
        }
        return ids.isEmpty() ? List.of() : find(Filters.in("_id", ids), 0, 0);
    }

    private List<FlightLeg> find(Bson filter, int skip, int limit) {
        List<FlightLeg> found = new ArrayList<>();
        for (Document d : legs.find(filter).sort(Sorts.ascending("_id")).skip(skip).limit(limit)) {
            found.add(LegDocuments.fromDocument(d));
        }
        return found;
    }

    /**
     * Deletes the legs first seen before {@code cutoff} (one {@code _id} range), then every key of
     * a leg before it, including keys left by an earlier guess of its airports.
     */
    @Override
    public long purgeOlderThan(Instant cutoff) {
        String before = FlightLeg.idOf(cutoff, "");
        return legs.deleteMany(idRange("", before)).getDeletedCount()
                + keys.deleteMany(Filters.lt("leg", before)).getDeletedCount();
    }

    /** Deletes every leg of a transponder and their keys; what was deleted, by collection. */
    Map<String, Long> deleteTransponder(String transponder) {
        List<String> ids = new ArrayList<>();
        for (Document d : legs.find(Filters.eq("transponder", transponder)).projection(new Document("_id", 1))) {
            ids.add(d.getString("_id"));
        }
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put(COLLECTION, ids.isEmpty() ? 0 : legs.deleteMany(Filters.in("_id", ids)).getDeletedCount());
        // Every key ends with the id of its leg, which ends with the transponder, whatever airport it names.
        deleted.put(KEYS, keys.deleteMany(Filters.regex("leg", "-" + transponder + "$")).getDeletedCount());
        return deleted;
    }

    static List<String> keysOf(FlightLeg leg) {
        String day = DAY.format(leg.day());
        Set<String> k = new LinkedHashSet<>();
        for (String airport : new String[] {leg.origin(), leg.destination()}) {
            if (airport != null) {
                k.add("airport|" + airport + "|" + day + "|" + leg.id());
            }
        }
        if (leg.flightNumber() != null) {
            k.add("flight|" + leg.flightNumber() + "|" + day + "|" + leg.id());
        }
        for (String airline : new String[] {leg.airline(), designator(leg.flightNumber())}) {
            if (keyable(airline)) {
                k.add(airlineDay(airline, day) + leg.id());
            }
        }
        for (String value : new String[] {leg.flightNumber(), leg.callsign(), leg.registration(), leg.transponder()}) {
            if (keyable(value)) {
                k.add(searchDay(day) + LegQuery.fold(value) + "|" + leg.id());
            }
        }
        return List.copyOf(k);
    }

    /** The airline designator a flight number starts with ({@code LH} of {@code LH400}), or null. */
    private static String designator(String flightNumber) {
        return flightNumber == null || flightNumber.length() < 3 ? null : flightNumber.substring(0, 2);
    }

    private static boolean keyable(String value) {
        return value != null && !value.isBlank() && value.indexOf('|') < 0;
    }

    private static String airlineDay(String airline, String day) {
        return "airline|" + day + "|" + airline.toUpperCase(Locale.ROOT) + "|";
    }

    /** Values searched by prefix follow the day, so one range of a day holds every value starting alike. */
    private static String searchDay(String day) {
        return "q|" + day + "|";
    }

    private static LocalDate dayOf(Instant i) {
        return LocalDate.ofInstant(i, ZoneOffset.UTC);
    }

    static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    static Instant instant(Document d, String field) {
        Date v = d.getDate(field);
        return v == null ? null : v.toInstant();
    }
}
