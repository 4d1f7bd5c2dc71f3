package io.airlines.ingest;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Starts the configured receiver sources (SBS-1 feeds, OpenSky) with the server, stops them with it. */
@Component
class ReceiverSources implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReceiverSources.class);

    private final SbsSettings sbs;
    private final OpenSkySettings openSky;
    private final RawPositions raw;
    private final JsonMapper json;
    private final List<AutoCloseable> running = new ArrayList<>();

    public ReceiverSources(SbsSettings sbs, OpenSkySettings openSky, RawPositions raw, JsonMapper json) {
        this.sbs = sbs;
        this.openSky = openSky;
        this.raw = raw;
        this.json = json;
    }

    @Override
    public synchronized void start() {
        for (String feed : sbs.feeds().split(",")) {
            if (!feed.isBlank()) {
                running.add(SbsClient.of(feed.trim(), raw::publish).start());
                log.info("Reading SBS-1 feed {}", feed.trim());
            }
        }
        if (openSky.enabled()) {
            running.add(new OpenSkyPoller(openSky, json, raw::publish).start());
            log.info("Polling OpenSky at {} every {}", openSky.baseUrl(), openSky.interval());
        }
    }

    @Override
    public synchronized void stop() {
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("stopping source: {}", e.toString());
            }
        }
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }
}
