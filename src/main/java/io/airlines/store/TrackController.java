package io.airlines.store;

import java.util.LinkedHashMap;
import java.util.Map;

import io.airlines.api.ApiParams;
import io.airlines.api.BadRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A flight's stored track between two instants ({@link TrackReader}). */
@RestController
class TrackController {

    static final long MAX_RANGE_MS = 8L * 24 * 3_600_000;

    private final TrackReader tracks;

    public TrackController(TrackReader tracks) {
        this.tracks = tracks;
    }

    @GetMapping(path = "/api/v1/flights/{key}/track", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> track(@PathVariable String key, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        long end = to == null ? System.currentTimeMillis() + 60_000 : ApiParams.instant("to", to);
        long start = from == null ? end - 24L * 3_600_000 : ApiParams.instant("from", from);
        if (start > end) {
            throw new BadRequestException("from", "from must be before to");
        }
        if (end - start > MAX_RANGE_MS) {
            throw new BadRequestException("from", "the range may not exceed 8 days");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("points", tracks.points(key, start, end));
        return body;
    }
}
