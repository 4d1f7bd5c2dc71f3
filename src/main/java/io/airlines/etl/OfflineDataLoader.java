package io.airlines.etl;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
 */
@Component
class OfflineDataLoader implements ApplicationRunner {

    /** Which offline data sets have been loaded, one marker document each. */
    static final String COLLECTION = "offline_data";
    /** Journeys written at once while generating the demo timetable. */
    static final int SLICE_JOURNEYS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(OfflineDataLoader.class);

    private final OfflineSettings settings;
    private final LufthansaEtlSettings etlSettings;
    private final ReferenceStore references;
    private final ReferenceCatalog catalog;
    private final TimetableStore timetables;
    private final FlightSearch search;
    private final EtlRunStore runStore;
    private final EtlQueue queue;
    private final MongoCollection<Document> markers;
    private final ApplicationEventPublisher events;

    public OfflineDataLoader(OfflineSettings settings, LufthansaEtlSettings etlSettings, ReferenceStore references,
                             ReferenceCatalog catalog, TimetableStore timetables, FlightSearch search,
                             EtlRunStore runStore, EtlQueue queue, MongoDatabase database,
                             ApplicationEventPublisher events) {
        this.settings = settings;
        this.etlSettings = etlSettings;
        this.references = references;
        this.catalog = catalog;
        this.timetables = timetables;
        this.search = search;
        this.runStore = runStore;
        this.queue = queue;
        this.markers = database.getCollection(COLLECTION);
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        references.createIndexes();
        timetables.createIndexes();
        runStore.createIndexes();
        catalog.refresh();
        if (settings.enabled() && !marked("reference:" + OfflineReference.VERSION)) {
            Map<ReferenceKind, List<Document>> shipped = OfflineReference.load();
            if (catalog.isEmpty()) {
                // A fresh store: answer from memory at once while the documents are written.
                catalog.seed(shipped);
            }
            submit(new EtlJob("offline-references", OfflineReference.VERSION,
                    tracker -> storeShipped(shipped, tracker)));
        }
        if (demoTimetable()) {
            queueDemoTimetable();
        } else {
            events.publishEvent(new TimetableReady("the timetable of the store (no demo timetable to load)"));
        }
    }

    private boolean demoTimetable() {
        return settings.enabled() && settings.demoDays() > 0;
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

    private boolean marked(String key) {
        return markers.find(Filters.eq("_id", key)).first() != null;
    }

    private void mark(String key) {
        markers.insertOne(new Document("_id", key));
    }
}
