package io.airlines.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.PositionRules;
import io.airlines.web.api.BadRequestException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/positions}: one JSON position, or NDJSON (one per line). Each line is checked
 * at once so the client learns which ones are wrong; good lines go to {@code flights.positions.raw}
 * as sent and are acknowledged once Kafka has them.
 */
@RestController
public class PositionsController {

    static final int MAX_LINES = 10_000;

    private final PositionCodec codec;
    private final RawPositions raw;

    public PositionsController(PositionCodec codec, RawPositions raw) {
        this.codec = codec;
        this.raw = raw;
    }

    @PostMapping(path = "/api/v1/positions", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(@RequestBody(required = false) byte[] body) throws InterruptedException {
        if (body == null || body.length == 0) {
            throw new BadRequestException("body", "send one JSON position or NDJSON, one position per line");
        }
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
        if (lines.length > MAX_LINES) {
            throw new BadRequestException("body", "at most " + MAX_LINES + " lines per request");
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            byte[] line = lines[i].getBytes(StandardCharsets.UTF_8);
            String problem = check(line, now);
            if (problem != null) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("line", i + 1);
                error.put("error", problem);
                errors.add(error);
            } else {
                sent.add(raw.publishRaw(codec.decodeRaw(line, Position.HTTP).position().key(), line));
            }
        }
        if (sent.isEmpty()) {
            if (errors.size() == 1) {
                throw new BadRequestException(field(errors.get(0).get("error").toString()), errors.get(0).get("error").toString());
            }
            throw new BadRequestException("body", "no valid position: " + errors.size() + " lines rejected, first: "
                    + errors.get(0).get("error"));
        }
        awaitAcks(sent);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", sent.size());
        answer.put("rejected", errors.size());
        answer.put("errors", errors);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    /** The same rules the pipeline applies to a record on its own (jumps and duplicates need history). */
    private String check(byte[] line, long now) {
        PositionCodec.Decoded decoded = codec.decodeRaw(line, Position.HTTP);
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
