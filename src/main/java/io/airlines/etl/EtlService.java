package io.airlines.etl;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import io.airlines.lufthansa.LufthansaClient;
import io.airlines.reference.ReferenceCatalog;
import io.airlines.reference.ReferenceStore;
import io.airlines.schedule.FlightSearch;
import io.airlines.schedule.TimetableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The Lufthansa jobs, as {@link EtlJob}s for the {@link EtlQueue}. */
@Component
class EtlService {

    private static final Logger log = LoggerFactory.getLogger(EtlService.class);

    private final LufthansaClient client;
    private final LufthansaEtlSettings settings;
    private final ReferenceStore references;
    private final ReferenceCatalog catalog;
    private final TimetableStore timetables;
    private final FlightSearch search;

    public EtlService(LufthansaClient client, LufthansaEtlSettings settings, ReferenceStore references,
                      ReferenceCatalog catalog, TimetableStore timetables, FlightSearch search) {
        this.client = client;
        this.settings = settings;
        this.references = references;
        this.catalog = catalog;
        this.timetables = timetables;
        this.search = search;
    }

    public boolean configured() {
        return client.settings().configured();
    }

    public EtlJob references() {
        return new EtlJob("references", "all lists", new ReferenceEtl(client, references, catalog::refresh)::run);
    }

    public EtlJob schedules(ScheduleEtl.Pair pair, List<LocalDate> dates) {
        return schedules(pair.origin() + "-" + pair.destination(), List.of(pair), dates);
    }

    private EtlJob schedules(String which, List<ScheduleEtl.Pair> pairs, List<LocalDate> dates) {
        ScheduleEtl etl = new ScheduleEtl(client, timetables, catalog::timeZone, search::cityKeyOf);
        String when = dates.size() == 1 ? dates.get(0).toString() : dates.get(0) + ".." + dates.get(dates.size() - 1);
        return new EtlJob("schedules", which + " " + when, tracker -> etl.run(pairs, dates, tracker));
    }

    /** The nightly set: every ordered pair of the configured airports for the configured days from tomorrow. */
    public EtlJob nightlySchedules() {
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        List<LocalDate> dates = IntStream.range(0, Math.max(1, settings.days())).mapToObj(tomorrow::plusDays).toList();
        List<ScheduleEtl.Pair> pairs = ScheduleEtl.orderedPairs(settings.airports());
        long needed = (long) pairs.size() * dates.size();
        if (needed > client.settings().requestsPerHour()) {
            log.warn("The schedule job needs {} requests, more than the hourly budget of {}: it will take over an hour",
                    needed, client.settings().requestsPerHour());
        }
        return schedules("every pair of " + String.join(",", settings.airports()), pairs, dates);
    }
}
