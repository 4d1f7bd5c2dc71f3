package io.airlines.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.airlines.reference.ReferenceCatalog;
import io.airlines.reference.ReferenceKind;
import io.airlines.stream.ReferenceCache;
import io.airlines.stream.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The airports of the live map in one compact answer, loaded once per page and kept by the browser
 * for an hour; recomputed only when the reference data or the timetable were reloaded.
 */
@RestController
@Tag(name = "Reference data", description = "Countries, cities, airports, airlines, aircraft")
class AirportMapController {

    static final List<String> FIELDS = List.of("code", "name", "lat", "lon", "rank");

    private final ReferenceCatalog catalog;
    private final ReferenceCache reference;
    private volatile Ranked ranked = new Ranked(-1, null, List.of());

    private record Ranked(long catalogVersion, ReferenceData timetableFrom, List<List<Object>> rows) {
        /** Same rows, same tag: a browser revalidating after an hour gets 304 unless the ranking changed. */
        String etag() {
            return "\"" + Integer.toHexString(rows.hashCode()) + "\"";
        }
    }

    AirportMapController(ReferenceCatalog catalog, ReferenceCache reference) {
        this.catalog = catalog;
        this.reference = reference;
    }

    @GetMapping(path = "/api/v1/airports/map", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Airports for the live map, busiest first",
            description = "Rows of code, name, lat, lon and rank (1 the busiest: flights in the timetable from "
                    + "yesterday to tomorrow, then size class). Airports neither scheduled nor sized are left out.")
    public ResponseEntity<Map<String, Object>> airports() {
        Ranked current = current();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .eTag(current.etag())
                .body(Map.of("fields", FIELDS, "rows", current.rows()));
    }

    private Ranked current() {
        long version = catalog.version();
        ReferenceData data = reference.current();
        Ranked r = ranked;
        if (r.catalogVersion() != version || r.timetableFrom() != data) {
            List<List<Object>> rows = AirportMarkers.rank(catalog.all(ReferenceKind.AIRPORTS), data.legs()).stream()
                    .map(m -> List.<Object>of(m.code(), m.name() == null ? m.code() : m.name(), m.lat(), m.lon(), m.rank()))
                    .toList();
            r = new Ranked(version, data, rows);
            ranked = r;
        }
        return r;
    }
}
