package io.airlines.etl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The nightly run ({@code AIRLINES_ETL_CRON}, "-" to disable): the demo timetable's next day, then
 * with credentials the Lufthansa references and schedules.
 */
@Component
class EtlScheduler {

    private static final Logger log = LoggerFactory.getLogger(EtlScheduler.class);

    private final EtlService etl;
    private final EtlQueue queue;
    private final OfflineDataLoader offline;
    private final LufthansaEtlSettings settings;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    public EtlScheduler(EtlService etl, EtlQueue queue, OfflineDataLoader offline, LufthansaEtlSettings settings) {
        this.etl = etl;
        this.queue = queue;
        this.offline = offline;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void schedule() {
        String cron = settings.cron() == null ? "-" : settings.cron().trim();
        if (cron.equals("-") || cron.isEmpty()) {
            log.info("Nightly ETL disabled (AIRLINES_ETL_CRON=-)");
            return;
        }
        scheduler.setThreadNamePrefix("etl-cron-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.schedule(this::nightly, new CronTrigger(cron));
        log.info("Nightly ETL scheduled at '{}'{}", cron, etl.configured() ? ""
                : " (skipped while LUFTHANSA_CLIENT_ID/LUFTHANSA_CLIENT_SECRET are unset: the shipped data serves)");
    }

    /**
     * Queues its runs behind any waiting; the schedules need the references' time zones, so they are
     * queued only once the references have succeeded.
     */
    void nightly() {
        offline.queueDemoTimetable();
        if (!etl.configured()) {
            log.info("Nightly ETL skipped: no Lufthansa credentials");
            return;
        }
        try {
            EtlRun refs = queue.submit(etl.references()).outcome().join();
            if (EtlRun.SUCCEEDED.equals(refs.status())) {
                queue.submit(etl.nightlySchedules());
            } else {
                log.warn("Nightly schedules not queued: the reference run {} {}", refs.status(), refs.message());
            }
        } catch (EtlQueue.QueueFullException e) {
            log.warn("Nightly ETL skipped: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdown();
    }
}
