package io.airlines.reference;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * An in-memory snapshot of the reference collections (a few thousand small documents), reloaded
 * after every reference load. Autocomplete, list filters and the enrichment of search results
 * read it, so the store is not scanned on each request (the embedded store scans for anything
 * but {@code _id} and unique keys).
 *
 * <p>The first load runs after the server is ready ({@link #load}); a read before it waits for it,
 * so nothing answers from a catalog not yet read, and gives up with 503 when it takes longer than
 * the wait given (the store is failing).
 */
@Component
public class ReferenceCatalog {

    static final Duration FIRST_LOAD_WAIT = Duration.ofSeconds(30);

    private final ReferenceStore store;
    private final Duration firstLoadWait;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.EMPTY);
    private final AtomicLong version = new AtomicLong();
    private final CountDownLatch firstLoad = new CountDownLatch(1);

    @Autowired
    public ReferenceCatalog(ReferenceStore store) {
        this(store, FIRST_LOAD_WAIT);
    }

    ReferenceCatalog(ReferenceStore store, Duration firstLoadWait) {
        this.store = store;
        this.firstLoadWait = firstLoadWait;
    }

    public synchronized void refresh() {
        seed(read());
    }

    /**
     * The first load: the store's documents, or while it holds no airport yet, those of
     * {@code whenStoreEmpty} (e.g. the shipped set being written) until the next refresh.
     */
    public synchronized void load(Supplier<Map<ReferenceKind, List<Document>>> whenStoreEmpty) {
        Map<ReferenceKind, List<Document>> stored = read();
        seed(stored.get(ReferenceKind.AIRPORTS).isEmpty() ? whenStoreEmpty.get() : stored);
    }

    private Map<ReferenceKind, List<Document>> read() {
        Map<ReferenceKind, List<Document>> all = new EnumMap<>(ReferenceKind.class);
        for (ReferenceKind kind : ReferenceKind.values()) {
            all.put(kind, store.all(kind));
        }
        return all;
    }

    /** Serves these documents (each with its {@code _id}) until the next refresh, e.g. while they are being stored. */
    public synchronized void seed(Map<ReferenceKind, List<Document>> documents) {
        Map<ReferenceKind, Map<String, Document>> byKind = new EnumMap<>(ReferenceKind.class);
        for (ReferenceKind kind : ReferenceKind.values()) {
            byKind.put(kind, documents.getOrDefault(kind, List.of()).stream()
                    .sorted(Comparator.comparing(d -> d.getString("_id")))
                    .collect(Collectors.toMap(d -> d.getString("_id"), d -> d, (a, b) -> a, LinkedHashMap::new)));
        }
        snapshot.set(new Snapshot(byKind));
        version.incrementAndGet();
        firstLoad.countDown();
    }

    /** Returns once the first load is done; throws {@link ReferenceDataUnavailable} past the wait. */
    public void awaitFirstLoad() {
        snapshot();
    }

    private Snapshot snapshot() {
        try {
            if (!firstLoad.await(firstLoadWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ReferenceDataUnavailable("reference data not loaded yet; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReferenceDataUnavailable("interrupted while waiting for the reference data");
        }
        return snapshot.get();
    }

    /** Changes on every refresh, so derived indexes know when to rebuild. */
    public long version() {
        return version.get();
    }

    public Collection<Document> all(ReferenceKind kind) {
        return snapshot().byKind.getOrDefault(kind, Map.of()).values();
    }

    public Optional<Document> find(ReferenceKind kind, String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(snapshot().byKind.getOrDefault(kind, Map.of()).get(code.toUpperCase()));
    }

    public Optional<Document> airport(String code) {
        return find(ReferenceKind.AIRPORTS, code);
    }

    public Optional<Document> city(String code) {
        return find(ReferenceKind.CITIES, code);
    }

    /** The airports of a city code (its {@code airports} list, or the airports naming it as their city). */
    public List<String> airportsOfCity(String cityCode) {
        Snapshot s = snapshot();
        return s.airportsByCity.getOrDefault(cityCode, List.of());
    }

    public Optional<String> airlineName(String iata) {
        return find(ReferenceKind.AIRLINES, iata).map(d -> d.getString("airline_name"));
    }

    public Optional<String> aircraftName(String code) {
        return find(ReferenceKind.AIRCRAFT, code).map(d -> d.getString("aircraft_name"));
    }

    public Optional<String> timeZone(String airportCode) {
        return airport(airportCode).map(d -> d.getString("time_zone_id"))
                .or(() -> airport(airportCode).flatMap(a -> city(a.getString("city_code")))
                        .map(c -> c.getString("time_zone_id")));
    }

    private static final class Snapshot {
        static final Snapshot EMPTY = new Snapshot(new EnumMap<>(ReferenceKind.class));

        final Map<ReferenceKind, Map<String, Document>> byKind;
        final Map<String, List<String>> airportsByCity;

        Snapshot(Map<ReferenceKind, Map<String, Document>> byKind) {
            this.byKind = byKind;
            this.airportsByCity = byKind.getOrDefault(ReferenceKind.AIRPORTS, Map.of()).values().stream()
                    .filter(a -> a.getString("city_code") != null)
                    .collect(Collectors.groupingBy(a -> a.getString("city_code"), LinkedHashMap::new,
                            Collectors.mapping(a -> a.getString("_id"), Collectors.toList())));
        }
    }
}
