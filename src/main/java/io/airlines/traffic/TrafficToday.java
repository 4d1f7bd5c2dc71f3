package io.airlines.traffic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.airlines.flight.FlightLeg;
import io.airlines.flight.LegStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Today's airport movements and departure delays (UTC day), counted as the leg cutting saves (and
 * deletes) legs, so a request reads counters instead of a day of legs. The legs saved before this
 * server started are read once, in the background, from the store: since the start of yesterday,
 * so that a departure today of a leg first seen before midnight counts too.
 */
@Component
class TrafficToday {

    private static final Logger log = LoggerFactory.getLogger(TrafficToday.class);

    private final DayTraffic traffic = new DayTraffic();
    private final LegStore legs;
    private final Clock clock;
    private volatile LocalDate today;

    TrafficToday(LegStore legs) {
        this.legs = legs;
        this.clock = Clock.systemUTC();
        this.today = today();
        legs.onSaved(batch -> batch.forEach(this::add));
        legs.onDeleted(ids -> ids.forEach(traffic::remove));
    }

    @EventListener(ApplicationReadyEvent.class)
    void readStoredLegs() {
        Thread reader = new Thread(this::seed, "airlines-traffic-seed");
        reader.setDaemon(true);
        reader.start();
    }

    void seed() {
        try {
            LocalDate yesterday = today().minusDays(1);
            legs.forEachSince(yesterday.atStartOfDay(ZoneOffset.UTC).toInstant(), traffic::addIfAbsent);
            log.info("Traffic statistics: {} legs since {} counted", traffic.legs(), yesterday);
        } catch (RuntimeException e) {
            log.warn("Traffic statistics count only the legs saved from now on: the stored ones were not read ({})",
                    e.toString());
        }
    }

    private void add(FlightLeg leg) {
        rollOver();
        traffic.add(leg);
    }

    List<DayTraffic.AirportDay> busiestToday(int top) {
        return traffic.busiest(rollOver(), top);
    }

    long[] delaysToday() {
        return traffic.delays(rollOver());
    }

    /** Today, after forgetting the days before yesterday once a day has passed. */
    LocalDate rollOver() {
        LocalDate now = today();
        if (!now.equals(today)) {
            today = now;
            traffic.forgetBefore(now.minusDays(1));
        }
        return now;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
