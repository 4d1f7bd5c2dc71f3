package io.airlines.etl;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.config.Pause;
import io.airlines.reference.OfflineReference;
import io.airlines.reference.ReferenceCatalog;
import io.airlines.reference.ReferenceKind;
import io.airlines.reference.ReferenceStore;
import io.airlines.schedule.DemoAirport;
import io.airlines.schedule.DemoAirports;
import io.airlines.schedule.DemoTimetable;
import io.airlines.schedule.FlightSearch;
import io.airlines.schedule.TimetableStore;
import io.airlines.schedule.Journey;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * On start: indexes, then two runs of the ETL queue, so a job requested meanwhile waits behind
 * them: {@code offline-references}, the shipped reference set where keys are missing (documents
 * loaded from Lufthansa are never overwritten), and {@code demo-timetable}, today first, the days
 * not yet generated. Markers in {@code offline_data} make a restart do nothing. Once the days the
 * simulator reads are in the store (or there are none to load) it publishes {@link TimetableReady}.
 *
 * <p>The reference catalog is read on a thread of its own, so the server is ready without waiting
 * for it (a whole catalog of documents on a restart); its readers wait for that first load. On a
 * fresh store it serves the shipped set from memory while the documents are written.
 */
@Component
class OfflineDataLoader implements ApplicationRunner {

    /** Which offline data sets have been loaded, one marker document each. */
    static final String COLLECTION = "offline_data";
    /** Journeys written at once while generating the demo timetable. */
    static final int SLICE_JOURNEYS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(OfflineDataLoader.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final OfflineSettings settings;
    private final LufthansaEtlSettings etlSettings;
    private final StoreIndexes indexes;
    private final ReferenceStore references;
    private final ReferenceCatalog catalog;
    private final TimetableStore timetables;
    private final FlightSearch search;
    private final EtlQueue queue;
    private final MongoCollection<Document> markers;
    private final ApplicationEventPublisher events;
    private volatile Thread catalogLoader;

    public OfflineDataLoader(OfflineSettings settings, LufthansaEtlSettings etlSettings, StoreIndexes indexes,
                             ReferenceStore references, ReferenceCatalog catalog, TimetableStore timetables,
                             FlightSearch search, EtlQueue queue, MongoDatabase database,
                             ApplicationEventPublisher events) {
        this.settings = settings;
        this.etlSettings = etlSettings;
        this.indexes = indexes;
        this.references = references;
        this.catalog = catalog;
        this.timetables = timetables;
        this.search = search;
        this.queue = queue;
        this.markers = database.getCollection(COLLECTION);
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        indexes.create();
        boolean shippedMissing = settings.enabled() && !marked("reference:" + OfflineReference.VERSION);
        ShippedOnce shipped = new ShippedOnce();
        if (shippedMissing) {
            submit(new EtlJob("offline-references", OfflineReference.VERSION,
                    tracker -> storeShipped(shipped.get(), tracker)));
        }
        if (demoTimetable()) {
            queueDemoTimetable();
        } else {
            events.publishEvent(new TimetableReady("the timetable of the store (no demo timetable to load)"));
        }
        loadCatalogInBackground(shippedMissing ? shipped : Map::of);
    }

    private boolean demoTimetable() {
        return settings.enabled() && settings.demoDays() > 0;
    }

    private void loadCatalogInBackground(Supplier<Map<ReferenceKind, List<Document>>> whenStoreEmpty) {
        Thread loader = new Thread(() -> loadCatalog(whenStoreEmpty), "airlines-reference-catalog");
        loader.setDaemon(true);
        catalogLoader = loader;
        loader.start();
    }

    /** Retried with backoff while the store fails: every reader of the catalog waits for this load. */
    private void loadCatalog(Supplier<Map<ReferenceKind, List<Document>>> whenStoreEmpty) {
        Duration backoff = FIRST_RETRY;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long start = System.nanoTime();
                catalog.load(whenStoreEmpty);
                log.info("Reference catalog loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
                return;
            } catch (RuntimeException e) {
                log.warn("Reference catalog not loaded ({}); next try in {} s", e.toString(), backoff.toSeconds());
                if (!Pause.of(backoff)) {
                    return;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(LONGEST_RETRY) < 0 ? doubled : LONGEST_RETRY;
            }
        }
    }

    @PreDestroy
    void stop() {
        Thread loader = catalogLoader;
        if (loader != null) {
            loader.interrupt();
        }
    }

    /** Queues the generation of the missing days of the demo timetable (the horizon moves with the calendar). */
    public void queueDemoTimetable() {
        if (demoTimetable()) {
            submit(new EtlJob("demo-timetable", settings.demoDays() + " day(s)", this::generateDemoTimetable));
        }
    }

    private void submit(EtlJob job) {
        try {
            queue.submit(job);
        } catch (EtlQueue.QueueFullException e) {
            log.warn("{} not queued: {}; it is queued again at the next start or nightly run", job.name(),
                    e.getMessage());
        }
    }

    private String storeShipped(Map<ReferenceKind, List<Document>> shipped, RunTracker tracker) {
        // The catalog's first load must not read a half-written set and take it for the stored one.
        catalog.awaitFirstLoad();
        int inserted = 0;
        for (Map.Entry<ReferenceKind, List<Document>> e : shipped.entrySet()) {
            inserted += references.insertMissing(e.getKey(), e.getValue());
            tracker.page();
        }
        tracker.written(inserted, 0);
        mark("reference:" + OfflineReference.VERSION);
        catalog.refresh();
        return inserted + " reference documents of the shipped open data set";
    }

    private String generateDemoTimetable(RunTracker tracker) {
        DemoTimetable demo = new DemoTimetable(demoAirports());
        LocalDate today = LocalDate.now();
        List<LocalDate> dates = today.datesUntil(today.plusDays(settings.demoDays())).toList();
        LocalDate lastRead = lastReadBySimulator(dates, LocalDate.now(ZoneOffset.UTC).plusDays(1));
        int days = 0;
        for (LocalDate date : dates) {
            if (!marked("demo:" + date)) {
                writeDemoDay(demo, date, tracker);
                days++;
            }
            if (date.equals(lastRead)) {
                events.publishEvent(new TimetableReady("the demo timetable up to " + date));
            }
        }
        return days + " day(s) of demo timetable on " + demo.routeCount() + " routes";
    }

    private void writeDemoDay(DemoTimetable demo, LocalDate date, RunTracker tracker) {
        long start = System.nanoTime();
        List<Journey> journeys = demo.journeys(date);
        for (List<Journey> slice : byOrigin(journeys, SLICE_JOURNEYS)) {
            var count = timetables.write(slice, search::cityKeyOf);
            tracker.written(count.inserted(), count.updated());
        }
        log.info("Demo timetable for {}: {} journeys in {} ms", date, journeys.size(),
                (System.nanoTime() - start) / 1_000_000);
        tracker.page();
        mark("demo:" + date);
    }

    /**
     * The last of the demo {@code dates} the simulator reads (it reads the timetable up to
     * {@code utcTomorrow}): once it is written the simulator need not wait for the later days.
     */
    static LocalDate lastReadBySimulator(List<LocalDate> dates, LocalDate utcTomorrow) {
        LocalDate last = dates.get(0);
        for (LocalDate date : dates) {
            if (!date.isAfter(utcTomorrow)) {
                last = date;
            }
        }
        return last;
    }

    /**
     * A day's journeys in slices of about {@code size}, an origin never split: a slice's documents
     * die before the collector promotes them, where a whole day's (tens of MiB, written over
     * seconds) filled the old generation of a small heap. Each write merges with what is stored,
     * so slices add up to the same documents.
     */
    static List<List<Journey>> byOrigin(List<Journey> journeys, int size) {
        Map<String, List<Journey>> byOrigin = new TreeMap<>();
        journeys.forEach(j -> byOrigin.computeIfAbsent(j.origin(), o -> new ArrayList<>()).add(j));
        List<List<Journey>> slices = new ArrayList<>();
        List<Journey> slice = new ArrayList<>();
        for (List<Journey> ofOrigin : byOrigin.values()) {
            if (!slice.isEmpty() && slice.size() + ofOrigin.size() > size) {
                slices.add(slice);
                slice = new ArrayList<>();
            }
            slice.addAll(ofOrigin);
        }
        if (!slice.isEmpty()) {
            slices.add(slice);
        }
        return slices;
    }

    List<DemoAirport> demoAirports() {
        return DemoAirports.from(catalog.all(ReferenceKind.AIRPORTS), new HashSet<>(etlSettings.airports()));
    }

    /** The shipped set, read from the jar once for both the catalog and the job that stores it. */
    private static final class ShippedOnce implements Supplier<Map<ReferenceKind, List<Document>>> {
        private Map<ReferenceKind, List<Document>> documents;

        @Override
        public synchronized Map<ReferenceKind, List<Document>> get() {
            if (documents == null) {
                documents = OfflineReference.load();
            }
            return documents;
        }
    }

    private boolean marked(String key) {
        return markers.find(Filters.eq("_id", key)).first() != null;
    }

    private void mark(String key) {
        markers.insertOne(new Document("_id", key));
    }
}
