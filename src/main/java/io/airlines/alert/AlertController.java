package io.airlines.alert;

import io.airlines.api.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Flight alerts for programs and the pages' watchlists, as Server-Sent Events. */
@RestController
class AlertController {

    private final AlertStream stream;

    AlertController(AlertStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/v1/alerts/stream",
            produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Takeoffs, landings, delays, emergency squawks and lost signals as they happen",
            description = "Events `alert` (JSON with an English `sentence`, and an id: a client that reconnects with "
                    + "`Last-Event-ID` first gets the alerts it missed, of the latest 1,000), comments as heartbeats, and a last event "
                    + "`dropped` when the client falls too far behind. Filters are comma-separated lists; an alert "
                    + "matching any listed item is sent; without filters every alert is.")
    @ApiResponse(responseCode = "429", description = "the most alert streams allowed (AIRLINES_ALERTS_MAX_STREAMS) are open")
    public ResponseEntity<?> stream(
            @Parameter(description = "flight numbers or callsigns, e.g. LH400,DLH401") @RequestParam(required = false) String flight,
            @Parameter(description = "airport codes: where it takes off or lands, or either end of its route") @RequestParam(required = false) String airport,
            @Parameter(description = "transponder addresses or registrations") @RequestParam(required = false) String aircraft,
            @Parameter(description = "the id of the last alert received: the alerts since, still kept, come first")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            HttpServletRequest request) {
        return stream.subscribe(AlertFilter.parse(flight, airport, aircraft), lastEventId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS,
                        "too many alert streams are open; try again later", null, request));
    }
}
