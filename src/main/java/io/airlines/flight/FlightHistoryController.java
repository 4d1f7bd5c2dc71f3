package io.airlines.flight;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.mongodb.client.MongoDatabase;
import io.airlines.api.ApiParams;
import io.airlines.api.BadRequestException;
import io.airlines.api.NotFoundException;
import io.airlines.store.TrackReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flight legs as seen: the legs of a day (paged with {@code offset} and {@code limit}, the total
 * in {@code X-Total-Count}, as the other lists), one leg, its track, and the leg a transponder
 * flies now.
 */
@RestController
@Tag(name = "Flight history", description = "Flight legs cut from the positions: takeoff to landing, per aircraft")
class FlightHistoryController {

    /** History goes back a year: the store keeps what its retention allows, older days are simply empty. */
    static final int DAYS_BACK = 366;
    private static final Pattern AIRPORT = Pattern.compile("[A-Z0-9]{3}");
    private static final Pattern AIRLINE = Pattern.compile("[A-Z0-9]{2,3}");
    private static final int MAX_QUERY = 40;

    private final LegStore legs;
    private final FlightHistory history;
    private final LegCursors cursors;
    private final TrackReader tracks;

    FlightHistoryController(MongoDatabase database, LegStore legs, TrackReader tracks) {
        this.legs = legs;
        this.history = new FlightHistory(legs);
        this.cursors = new LegCursors(database);
        this.tracks = tracks;
    }

    @GetMapping("/api/v1/history/flights")
    @Operation(summary = "The flight legs first seen on a UTC day",
            description = "In order of first point. Filters: airport (took off or landed there), airline, q (prefix of"
                    + " the flight number, callsign, registration or transponder, any case).")
    ResponseEntity<List<FlightLeg>> list(
            @Parameter(description = "UTC day yyyy-MM-dd", example = "2026-12-05") @RequestParam(required = false) String date,
            @Parameter(description = "IATA airport code", example = "FRA") @RequestParam(required = false) String airport,
            @Parameter(description = "ICAO or IATA airline code", example = "DLH") @RequestParam(required = false) String airline,
            @Parameter(description = "flight number, callsign, registration or transponder (prefix)")
            @RequestParam(required = false) String q,
            @Parameter(description = "1..1000, default 100") @RequestParam(required = false) String limit,
            @Parameter(description = "legs to skip") @RequestParam(required = false) String offset) {
        LocalDate day = day(date);
        int n = ApiParams.limit(limit, 100);
        int skip = ApiParams.offset(offset);
        String airportCode = code("airport", airport, AIRPORT);
        String airlineCode = code("airline", airline, AIRLINE);
        FlightHistory.Page page = history.list(day, airportCode, airlineCode, query(q), skip, n);
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(page.total())).body(page.legs());
    }

    @GetMapping("/api/v1/history/flights/{id}")
    @Operation(summary = "One flight leg")
    FlightLeg one(@PathVariable String id) {
        return legs.byId(id).orElseThrow(() -> new NotFoundException("no flight leg '" + ApiParams.abbreviate(id) + "'"));
    }

    @GetMapping("/api/v1/history/flights/{id}/track")
    @Operation(summary = "The points of one flight leg", description = "From its first to its last point, nothing else.")
    Map<String, Object> track(@PathVariable String id) {
        FlightLeg leg = one(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", leg.id());
        body.put("key", leg.transponder());
        body.put("points", tracks.points(leg.transponder(), leg.firstSeen().toEpochMilli(), leg.lastSeen().toEpochMilli()));
        return body;
    }

    @GetMapping("/api/v1/flights/{key}/leg")
    @Operation(summary = "The leg an aircraft flies now",
            description = "204 when it has none open (standing at its gate, or not seen for 20 minutes): the map asks"
                    + " for every aircraft selected, and no open leg is an answer, not an error.")
    ResponseEntity<FlightLeg> current(@PathVariable String key) {
        return cursors.openLeg(key).filter(FlightLeg::open).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    private static LocalDate day(String value) {
        String given = ApiParams.required("date", value);
        LocalDate day;
        try {
            day = LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("date", "parameter 'date' must be a date yyyy-MM-dd, not '"
                    + ApiParams.abbreviate(value) + "'");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (day.isBefore(today.minusDays(DAYS_BACK)) || day.isAfter(today.plusDays(1))) {
            throw new BadRequestException("date", "parameter 'date' must be between " + today.minusDays(DAYS_BACK)
                    + " and " + today.plusDays(1));
        }
        return day;
    }

    private static String code(String field, String value, Pattern shape) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.trim().toUpperCase(Locale.ROOT);
        if (!shape.matcher(code).matches()) {
            throw new BadRequestException(field, "parameter '" + field + "' must be a code such as "
                    + ("airport".equals(field) ? "FRA" : "DLH or LH") + ", not '" + ApiParams.abbreviate(value) + "'");
        }
        return code;
    }

    private static String query(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.trim().length() > MAX_QUERY) {
            throw new BadRequestException("q", "parameter 'q' may have at most " + MAX_QUERY + " characters");
        }
        return q.trim();
    }
}
