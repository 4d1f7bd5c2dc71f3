package io.airlines.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.airlines.api.ApiProblems;
import io.airlines.api.BadRequestException;
import io.airlines.api.NotFoundException;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The live view over HTTP: filtered states, the SSE stream, one flight's state, pipeline stats. */
@RestController
class LiveController {

    static final int MAX_LIMIT = 100_000;

    private final LiveView view;
    private final LiveStream stream;
    private final PipelineMetrics metrics;
    private final FlightStateLookup stored;

    public LiveController(LiveView view, LiveStream stream, PipelineMetrics metrics, FlightStateLookup stored) {
        this.view = view;
        this.stream = stream;
        this.metrics = metrics;
        this.stored = stored;
    }

    @GetMapping(path = "/api/v1/live", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> live(@RequestParam(required = false) String bbox,
                                    @RequestParam(required = false) String airline,
                                    @RequestParam(required = false) Double minAlt,
                                    @RequestParam(required = false) Double maxAlt,
                                    @RequestParam(required = false) String callsign,
                                    @RequestParam(required = false) String route,
                                    @RequestParam(required = false) String source,
                                    @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        LiveFilter filter = LiveFilter.parse(bbox, airline, minAlt, maxAlt, callsign, route, source);
        List<Position> aircraft = view.all().stream().filter(filter).limit(limit).toList();
        return Map.of("time", System.currentTimeMillis(), "total", view.size(), "count", aircraft.size(),
                "aircraft", aircraft);
    }

    @GetMapping(path = "/api/v1/live/stream",
            produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The live view as Server-Sent Events: a snapshot, a delta a second, alerts",
            description = "format=rows (the default): JSON rows {time, total, fields, rows, removed}. format=frames, what the"
                    + " live map reads: {time, total, removed, texts, named, count, columns}, the numbers as base64 columns"
                    + " (the README describes the layout).")
    @ApiResponse(responseCode = "400", description = "format neither rows nor frames")
    @ApiResponse(responseCode = "429", description = "the most streams allowed (AIRLINES_LIVE_MAX_STREAMS) are open")
    public ResponseEntity<?> stream(@Parameter(description = "rows or frames") @RequestParam(defaultValue = "rows") String format,
                                    HttpServletRequest request) {
        return stream.subscribe(format(format)).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS,
                        "too many live streams are open; try again later", null, request));
    }

    private static LiveStream.Format format(String format) {
        return switch (format) {
            case "rows" -> LiveStream.Format.ROWS;
            case "frames" -> LiveStream.Format.FRAMES;
            default -> throw new BadRequestException("format", "format must be rows or frames");
        };
    }

    @GetMapping(path = "/api/v1/flights/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Position flight(@PathVariable String key) {
        Position live = view.get(key);
        if (live != null) {
            return live;
        }
        return stored.find(key).orElseThrow(() -> new NotFoundException("no flight with key '" + key + "'"));
    }

    @GetMapping(path = "/api/v1/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> stats() {
        PipelineMetrics.Sample latest = metrics.latest();
        List<Map<String, Object>> history = metrics.history().stream()
                .map(LiveController::sample)
                .toList();
        return Map.of("time", System.currentTimeMillis(),
                "totals", metrics.totals(),
                "messagesInPerSecond", latest == null ? 0 : round(latest.messagesIn()),
                "dlqPerSecond", latest == null ? 0 : round(latest.dlq()),
                "liveAircraft", view.size(),
                "consumerLag", metrics.lag(),
                "storeWritesPerSecond", latest == null ? 0 : round(latest.storeWrites()),
                "history", history);
    }

    private static Map<String, Object> sample(PipelineMetrics.Sample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", s.time());
        m.put("messagesIn", round(s.messagesIn()));
        m.put("dlq", round(s.dlq()));
        m.put("live", s.live());
        m.put("storeWrites", round(s.storeWrites()));
        m.put("lag", s.lag());
        m.put("liveLatencyP50", s.liveP50());
        m.put("liveLatencyP99", s.liveP99());
        m.put("storeLatencyP50", s.storeP50());
        m.put("storeLatencyP99", s.storeP99());
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
