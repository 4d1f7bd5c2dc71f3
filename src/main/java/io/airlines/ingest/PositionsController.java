package io.airlines.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.PositionRules;
import io.airlines.api.ApiProblems;
import io.airlines.api.BadRequestException;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/positions}: one JSON position, or NDJSON (one per line). Each line is checked
 * at once so the client learns which ones are wrong; good lines go to {@code flights.positions.raw}
 * as sent and are acknowledged once Kafka has them.
 */
@RestController
class PositionsController {

    static final int MAX_LINES = 10_000;
    /** A position is a few hundred bytes; a longer line is not one. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final PositionCodec codec;
    private final RawPositions raw;
    private final Semaphore slots;

    public PositionsController(PositionCodec codec, RawPositions raw, IngestSettings settings) {
        this.codec = codec;
        this.raw = raw;
        this.slots = new Semaphore(settings.maxConcurrent());
    }

    @PostMapping(path = "/api/v1/positions", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson"},
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @RequestBody(description = "one JSON position, or NDJSON: one position per line", required = true)
    @ApiResponse(responseCode = "429", description = "the most batches taken at once (AIRLINES_INGEST_MAX_CONCURRENT) are being read")
    public ResponseEntity<?> post(HttpServletRequest request) throws IOException, InterruptedException {
        if (!slots.tryAcquire()) {
            return ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS,
                    "too many position batches at once; send again shortly", null, request);
        }
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(ingest(request));
        } finally {
            slots.release();
        }
    }

    /** Checks every line as it is read; publishes only once the batch is known to be within the line limit. */
    private Map<String, Object> ingest(HttpServletRequest request) throws IOException, InterruptedException {
        NdjsonLines lines = new NdjsonLines(new BufferedInputStream(request.getInputStream(), 65_536), MAX_LINE_BYTES);
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Position> good = new ArrayList<>();
        List<byte[]> goodBytes = new ArrayList<>();
        long now = System.currentTimeMillis();
        int count = 0;
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (++count > MAX_LINES) {
                throw new BadRequestException("body", "at most " + MAX_LINES + " lines per request");
            }
            PositionCodec.Decoded decoded = line.tooLong() ? null : codec.decodeRaw(line.bytes(), Position.HTTP);
            String problem = line.tooLong() ? "line longer than " + MAX_LINE_BYTES + " bytes" : check(decoded, now);
            if (problem != null) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("line", line.number());
                error.put("error", problem);
                errors.add(error);
            } else {
                good.add(decoded.position());
                goodBytes.add(line.bytes());
            }
        }
        if (good.isEmpty()) {
            if (errors.isEmpty()) {
                throw new BadRequestException("body", "send one JSON position or NDJSON, one position per line");
            }
            if (errors.size() == 1) {
                throw new BadRequestException(field(errors.get(0).get("error").toString()), errors.get(0).get("error").toString());
            }
            throw new BadRequestException("body", "no valid position: " + errors.size() + " lines rejected, first: "
                    + errors.get(0).get("error"));
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(good.size());
        for (int i = 0; i < good.size(); i++) {
            sent.add(raw.publishRaw(good.get(i), goodBytes.get(i)));
        }
        awaitAcks(sent);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", sent.size());
        answer.put("rejected", errors.size());
        answer.put("errors", errors);
        return answer;
    }

    /** The same rules the pipeline applies to a record on its own (jumps and duplicates need history). */
    private static String check(PositionCodec.Decoded decoded, long now) {
        if (!decoded.ok()) {
            return decoded.reason();
        }
        PositionRules.Verdict verdict = PositionRules.check(decoded.position(), null, now);
        return verdict.kept() ? null : verdict.reason();
    }

    private static void awaitAcks(List<Future<RecordMetadata>> sent) throws InterruptedException {
        try {
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the positions", e);
        }
    }

    private static String field(String reason) {
        int start = reason.indexOf('\'');
        int end = start < 0 ? -1 : reason.indexOf('\'', start + 1);
        return end > start ? reason.substring(start + 1, end) : "body";
    }
}
