package io.airlines.etl;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.airlines.lufthansa.LufthansaClient;
import io.airlines.reference.ReferenceCatalog;
import io.airlines.reference.ReferenceStore;
import io.airlines.schedule.FlightSearch;
import io.airlines.schedule.TimetableStore;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts the Lufthansa jobs, in this thread or in the background, one at a time. */
@Component
public class EtlService {

    private static final Logger log = LoggerFactory.getLogger(EtlService.class);

    private final LufthansaClient client;
    private final LufthansaEtlSettings settings;
    private final ReferenceStore references;
    private final ReferenceCatalog catalog;
    private final TimetableStore timetables;
    private final FlightSearch search;
    private final JobRunner jobs;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "etl");
        t.setDaemon(true);
        return t;
    });

    public EtlService(LufthansaClient client, LufthansaEtlSettings settings, ReferenceStore references,
                      ReferenceCatalog catalog, TimetableStore timetables, FlightSearch search, JobRunner jobs) {
        this.client = client;
        this.settings = settings;
        this.references = references;
        this.catalog = catalog;
        this.timetables = timetables;
        this.search = search;
        this.jobs = jobs;
    }

    public boolean configured() {
        return client.settings().configured();
    }

    public EtlRun references(Progress progress) {
        return jobs.run("references", progress, new ReferenceEtl(client, references, catalog::refresh)::run);
    }

    public EtlRun schedules(List<ScheduleEtl.Pair> pairs, List<LocalDate> dates, Progress progress) {
        ScheduleEtl etl = new ScheduleEtl(client, timetables, catalog::timeZone, search::cityKeyOf);
        return jobs.run("schedules", progress, tracker -> etl.run(pairs, dates, tracker));
    }

    /** The nightly set: every ordered pair of the configured airports for the configured days from tomorrow. */
    public EtlRun nightlySchedules(Progress progress) {
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        List<LocalDate> dates = IntStream.range(0, Math.max(1, settings.days())).mapToObj(tomorrow::plusDays).toList();
        List<ScheduleEtl.Pair> pairs = ScheduleEtl.orderedPairs(settings.airports());
        long needed = (long) pairs.size() * dates.size();
        if (needed > client.settings().requestsPerHour()) {
            log.warn("The schedule job needs {} requests, more than the hourly budget of {}: it will take over an hour",
                    needed, client.settings().requestsPerHour());
        }
        return schedules(pairs, dates, progress);
    }

    /** Refuses at once when a job runs; otherwise runs {@code job} in the background. */
    public void start(Runnable job) {
        if (jobs.busy()) {
            throw new JobRunner.JobBusyException("another ETL job is running; try again when it has finished");
        }
        background.submit(() -> {
            try {
                job.run();
            } catch (JobRunner.JobBusyException e) {
                log.info("ETL job not started: {}", e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
