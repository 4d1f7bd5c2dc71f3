package io.airlines.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.airlines.api.ApiParams;
import io.airlines.api.BadRequestException;
import io.airlines.store.StoreSettings;
import io.airlines.store.TrackSky;
import io.airlines.stream.Position;
import io.airlines.stream.PrivacyBlocklist;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playback of the sky: every aircraft where it was at a past instant, from the sky's minutes the
 * sink stores ({@link TrackSky}), in the live stream's compact rows so the map draws it with its live layer.
 */
@RestController
@Tag(name = "History", description = "Flights and the sky of the past, within the retention")
class SkyController {

    private final TrackSky sky;
    private final Duration retention;
    private final PrivacyBlocklist blocklist;

    public SkyController(TrackSky sky, StoreSettings settings, PrivacyBlocklist blocklist) {
        this.sky = sky;
        this.retention = settings.retention();
        this.blocklist = blocklist;
    }

    @GetMapping(path = "/api/v1/history/sky", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every aircraft's position at a past instant, interpolated between its stored positions",
            description = "The live stream's compact form: {time, total, fields, rows, removed}. An aircraft whose"
                    + " nearest stored points are more than a few minutes from the instant is absent.")
    @ApiResponse(responseCode = "400", description = "at missing, malformed, in the future or older than the retention;"
            + " bbox malformed")
    public String sky(@Parameter(description = "ISO-8601 instant, e.g. 2026-12-05T10:00:00Z") @RequestParam(required = false) String at,
                      @Parameter(description = "minLon,minLat,maxLon,maxLat") @RequestParam(required = false) String bbox) {
        long time = ApiParams.instant("at", at);
        long now = System.currentTimeMillis();
        if (time > now) {
            throw new BadRequestException("at", "parameter 'at' is in the future: the sky is known up to now ("
                    + Instant.ofEpochMilli(now) + ")");
        }
        if (time < now - retention.toMillis()) {
            throw new BadRequestException("at", "parameter 'at' is older than the retention ("
                    + retention.toHours() + " h): positions before " + Instant.ofEpochMilli(now - retention.toMillis()) + " are deleted");
        }
        LiveFilter filter = LiveFilter.parse(bbox, null, null, null, null, null, null);
        // The sky's minutes keep an erased aircraft's rows until the retention purges them: never shown.
        List<Position> rows = sky.at(time).stream().filter(p -> !blocklist.blocks(p.key(), null)).filter(filter).toList();
        return CompactRows.message(time, rows.size(), rows, List.of());
    }
}
