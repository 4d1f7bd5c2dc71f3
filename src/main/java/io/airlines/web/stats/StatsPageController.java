package io.airlines.web.stats;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.airlines.web.site.ApiClient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Pipeline charts (drawn in the browser from /api/v1/stats) and the ETL run history (rendered here). */
@Controller
class StatsPageController {

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ApiClient api;
    private final MessageSource messages;

    public StatsPageController(ApiClient api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/stats")
    public String stats(Model model, Locale locale) {
        ApiClient.Reply<EtlRun[]> runs = api.get("/api/v1/etl/runs", Map.of(), EtlRun[].class);
        model.addAttribute("runs", runs.value().map(List::of).orElse(List.of()).stream()
                .map(r -> new EtlRunRow(r, word("stats.etl.job.", r.job(), locale), word("stats.etl.state.", r.status(), locale),
                        utc(r.startedAt()), utc(r.finishedAt())))
                .toList());
        return "stats";
    }

    /** A job or state name in the page's language; a name the messages do not know is shown as it is. */
    private String word(String prefix, String name, Locale locale) {
        return name == null ? "" : messages.getMessage(prefix + name, null, name, locale);
    }

    /** The same in every language, with its zone said: "2026-12-01 22:00 UTC". */
    static String utc(String instant) {
        if (instant == null) {
            return "";
        }
        try {
            return UTC_MINUTES.format(Instant.parse(instant));
        } catch (DateTimeException e) {
            return instant;
        }
    }

    /** A run as the table prints it. */
    public record EtlRunRow(EtlRun run, String job, String status, String started, String finished) {
    }

    /** One row of {@code GET /api/v1/etl/runs} (contract shared with the batch feature). */
    public record EtlRun(String id, String job, @JsonProperty("started_at") String startedAt,
                         @JsonProperty("finished_at") String finishedAt, String status,
                         Long requests, Long pages, Long inserted, Long updated, Long errors) {
    }
}
