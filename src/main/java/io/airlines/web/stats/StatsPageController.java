package io.airlines.web.stats;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.airlines.web.site.ApiClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Pipeline charts (drawn in the browser from /api/v1/stats) and the ETL run history (rendered here). */
@Controller
class StatsPageController {

    private final ApiClient api;

    public StatsPageController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/stats")
    public String stats(Model model) {
        ApiClient.Reply<EtlRun[]> runs = api.get("/api/v1/etl/runs", Map.of(), EtlRun[].class);
        model.addAttribute("runs", runs.value().map(List::of).orElse(List.of()));
        return "stats";
    }

    /** One row of {@code GET /api/v1/etl/runs} (contract shared with the batch feature). */
    public record EtlRun(String id, String job, @JsonProperty("started_at") String startedAt,
                         @JsonProperty("finished_at") String finishedAt, String status,
                         Long requests, Long pages, Long inserted, Long updated, Long errors) {
    }
}
