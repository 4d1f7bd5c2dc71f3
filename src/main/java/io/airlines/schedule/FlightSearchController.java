package io.airlines.schedule;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.airlines.api.ApiParams;
import io.airlines.reference.ReferenceCatalog;
import io.airlines.api.BadRequestException;
import io.airlines.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Flights", description = "Timetable search and airport boards, answered from the store")
class FlightSearchController {

    private final FlightSearch search;
    private final TimetableStore store;
    private final ReferenceCatalog catalog;
    private final LiveBoard liveBoard;
    private final LiveJourneys liveJourneys;

    public FlightSearchController(FlightSearch search, TimetableStore store, ReferenceCatalog catalog,
                                  LiveBoard liveBoard, LiveJourneys liveJourneys) {
        this.search = search;
        this.store = store;
        this.catalog = catalog;
        this.liveBoard = liveBoard;
        this.liveJourneys = liveJourneys;
    }

    @GetMapping("/api/v1/flights/search")
    @Operation(summary = "Search journeys between airports or cities",
            description = "from and to are airport or city codes (PAR covers CDG and ORY). With return, also the journeys back."
                    + " Legs of journeys leaving today carry their live status, as board rows do.")
    public SearchResult search(
            @Parameter(description = "airport or city code", example = "PAR") @RequestParam(required = false) String from,
            @Parameter(description = "airport or city code", example = "JFK") @RequestParam(required = false) String to,
            @Parameter(description = "departure date yyyy-MM-dd") @RequestParam(required = false) String date,
            @Parameter(name = "return", description = "return date yyyy-MM-dd, optional")
            @RequestParam(name = "return", required = false) String returnDate) {
        Endpoint origin = endpoint("from", from);
        Endpoint destination = endpoint("to", to);
        if (origin.code().equals(destination.code())) {
            throw new BadRequestException("to", "parameter 'to' must differ from 'from'");
        }
        LocalDate out = ApiParams.date("date", date);
        LocalDate back = returnDate == null || returnDate.isEmpty() ? null : ApiParams.date("return", returnDate);
        if (back != null && back.isBefore(out)) {
            throw new BadRequestException("return", "parameter 'return' must not be before 'date'");
        }
        return liveJourneys.withStatus(search.search(origin, destination, out, back));
    }

    private Endpoint endpoint(String field, String code) {
        String value = ApiParams.required(field, code);
        return search.endpoint(value).orElseThrow(() -> new BadRequestException(field,
                "unknown airport or city code '" + ApiParams.abbreviate(value) + "'"));
    }

    @GetMapping("/api/v1/airports/{code}/board")
    @Operation(summary = "Departures and arrivals of an airport on a date (local times), with live status",
            description = "Each row carries status (scheduled, delayed, departed, airborne, landed, cancelled, no_data),"
                    + " estimatedDeparture, estimatedArrival, actualDeparture, actualArrival (UTC), delayMinutes against"
                    + " the row's time, and legId and transponder of the flight leg seen.")
    public Map<String, Object> board(@PathVariable String code,
                                     @Parameter(description = "yyyy-MM-dd") @RequestParam(required = false) String date) {
        Document airport = catalog.airport(code).orElseThrow(() -> new NotFoundException("no airport with code '"
                + ApiParams.abbreviate(code) + "'"));
        LocalDate day = ApiParams.date("date", date);
        String airportCode = airport.getString("_id");
        Document board = store.board(airportCode, day.toString()).orElse(new Document());
        LiveBoard.Rows rows = liveBoard.rows(airportCode, board);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("airport", airport);
        body.put("date", day.toString());
        body.put("timeZone", LocalTimes.zoneOf(catalog, airportCode).getId());
        body.put("departures", rows.departures());
        body.put("arrivals", rows.arrivals());
        return body;
    }
}
