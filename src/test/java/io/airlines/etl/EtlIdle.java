package io.airlines.etl;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.Function;

import io.airlines.support.Http;

/** Waits until the start-up demo timetable run has happened and no job runs or waits. */
public final class EtlIdle {

    private EtlIdle() {
    }

    public static void waitFor(Function<String, String> url) {
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            String runs = Http.get(url.apply("/api/v1/etl/runs?limit=1000")).body();
            return runs.contains("\"job\":\"demo-timetable\"") && !runs.contains("\"running\"")
                    && !runs.contains("\"queued\"");
        });
    }
}
