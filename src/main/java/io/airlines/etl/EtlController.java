package io.airlines.etl;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import io.airlines.api.ApiParams;
import io.airlines.reference.ReferenceCatalog;
import io.airlines.api.ApiProblems;
import io.airlines.api.BadRequestException;
import io.airlines.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Queues the Lufthansa jobs (202 with the run's id; 429 when the queue is full; 503 without
 * credentials), shows the running one and the history. {@code POST /references} and
 * {@code POST /schedule} are the original paths.
 */
@RestController
@Tag(name = "ETL", description = "Lufthansa reference and schedule jobs, run history")
class EtlController {

    private final EtlRunStore runs;
    private final EtlService etl;
    private final EtlQueue queue;
    private final JobRunner jobs;
    private final ReferenceCatalog catalog;

    public EtlController(EtlRunStore runs, EtlService etl, EtlQueue queue, JobRunner jobs, ReferenceCatalog catalog) {
        this.runs = runs;
        this.etl = etl;
        this.queue = queue;
        this.jobs = jobs;
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/etl/runs")
    @Operation(summary = "ETL runs, newest first")
    public List<EtlRun> runs(@Parameter(description = "1..1000, default 100") @RequestParam(required = false) String limit) {
        return runs.recent(ApiParams.limit(limit, 100));
    }

    @GetMapping("/api/v1/etl/runs/{id}")
    @Operation(summary = "One ETL run: queued, running, succeeded or failed with its reason")
    public EtlRun run(@PathVariable String id) {
        return runs.byId(id)
                .orElseThrow(() -> new NotFoundException("no ETL run '" + ApiParams.abbreviate(id) + "'"));
    }

    @GetMapping("/api/v1/etl/progress")
    @Operation(summary = "The running job: pages done out of pages known, documents written; 204 when idle")
    public ResponseEntity<Map<String, Object>> progress() {
        return jobs.progress().map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @PostMapping({"/api/v1/etl/references", "/references"})
    @Operation(summary = "Queue loading the reference lists from Lufthansa")
    public ResponseEntity<Map<String, Object>> references() {
        requireCredentials();
        return queued(etl.references());
    }

    @PostMapping("/api/v1/etl/schedules")
    @Operation(summary = "Queue loading schedules",
            description = "One pair and date range, or without from/to every ordered pair of AIRLINES_ETL_AIRPORTS.")
    public ResponseEntity<Map<String, Object>> schedules(
            @Parameter(description = "airport or city code") @RequestParam(required = false) String from,
            @Parameter(description = "airport or city code") @RequestParam(required = false) String to,
            @Parameter(description = "first date yyyy-MM-dd, default tomorrow") @RequestParam(required = false) String date,
            @Parameter(description = "days from date, 1..31") @RequestParam(required = false) String days) {
        if (from == null && to == null && date == null && days == null) {
            requireCredentials();
            return queued(etl.nightlySchedules());
        }
        return schedule("from", from, "to", to, date, days);
    }

    @PostMapping("/schedule")
    @Operation(summary = "Queue loading the schedules of one pair and date (original path)")
    public ResponseEntity<Map<String, Object>> originalSchedule(@RequestParam(required = false) String origin,
                                                                @RequestParam(required = false) String destination,
                                                                @RequestParam(required = false) String date) {
        return schedule("origin", origin, "destination", destination, date, null);
    }

    private ResponseEntity<Map<String, Object>> schedule(String fromField, String from, String toField, String to,
                                                         String date, String days) {
        String origin = code(fromField, from);
        String destination = code(toField, to);
        if (origin.equals(destination)) {
            throw new BadRequestException(toField, "parameter '" + toField + "' must differ from '" + fromField + "'");
        }
        LocalDate first = date == null ? LocalDate.now().plusDays(1) : ApiParams.date("date", date);
        Integer given = ApiParams.integer("days", days);
        int n = given == null ? 1 : given;
        if (n < 1 || n > 31) {
            throw new BadRequestException("days", "parameter 'days' must be between 1 and 31");
        }
        requireCredentials();
        List<LocalDate> dates = IntStream.range(0, n).mapToObj(first::plusDays).toList();
        return queued(etl.schedules(new ScheduleEtl.Pair(origin, destination), dates));
    }

    private String code(String field, String value) {
        String code = ApiParams.required(field, value).toUpperCase(Locale.ROOT);
        if (catalog.airport(code).isEmpty() && catalog.city(code).isEmpty()) {
            throw new BadRequestException(field, "unknown airport or city code '" + ApiParams.abbreviate(value) + "'");
        }
        return code;
    }

    private void requireCredentials() {
        if (!etl.configured()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Lufthansa credentials are not set (LUFTHANSA_CLIENT_ID, LUFTHANSA_CLIENT_SECRET)");
        }
    }

    private ResponseEntity<Map<String, Object>> queued(EtlJob job) {
        EtlQueue.Accepted accepted = queue.submit(job);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", accepted.id());
        body.put("job", job.name());
        body.put("params", job.params());
        body.put("status", EtlRun.QUEUED);
        body.put("run", "/api/v1/etl/runs/" + accepted.id());
        body.put("progress", "/api/v1/etl/progress");
        body.put("runs", "/api/v1/etl/runs");
        return ResponseEntity.accepted().body(body);
    }

    @ExceptionHandler(EtlQueue.QueueFullException.class)
    ResponseEntity<ProblemDetail> queueFull(EtlQueue.QueueFullException e, HttpServletRequest request) {
        return ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), null, request);
    }
}
