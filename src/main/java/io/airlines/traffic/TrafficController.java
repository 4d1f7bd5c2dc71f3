package io.airlines.traffic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.airlines.api.ApiParams;
import io.airlines.live.LiveView;
import io.airlines.reference.ReferenceCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Traffic statistics beside the pipeline's: the flights now, and today's airports and delays. */
@RestController
@Tag(name = "Statistics", description = "Pipeline and traffic figures")
class TrafficController {

    private final LiveView live;
    private final TrafficToday today;
    private final ReferenceCatalog catalog;

    TrafficController(LiveView live, TrafficToday today, ReferenceCatalog catalog) {
        this.live = live;
        this.today = today;
        this.catalog = catalog;
    }

    @GetMapping(path = "/api/v1/stats/traffic", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Traffic statistics",
            description = "Live flights by airline and by country of registration (from the live view), and for "
                    + "today (UTC day): the busiest airports by departures plus arrivals of flight legs, and the "
                    + "departures per delay bucket (minutes against the timetable; null bounds are open).")
    public Map<String, Object> traffic(
            @Parameter(description = "largest shares and busiest airports listed, 1..1000, default 10")
            @RequestParam(required = false) String limit) {
        int n = ApiParams.limit(limit, 10);
        FlightsNow now = FlightsNow.of(live.all(), n);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("time", System.currentTimeMillis());
        body.put("day", today.rollOver().toString());
        body.put("flightsNow", now.total());
        body.put("byAirline", now.byAirline());
        body.put("withoutAirline", now.withoutAirline());
        body.put("byCountry", now.byCountry());
        body.put("withoutCountry", now.withoutCountry());
        body.put("busiestAirports", airports(today.busiestToday(n)));
        body.put("delays", DelayBuckets.label(today.delaysToday()));
        return body;
    }

    private List<Map<String, Object>> airports(List<DayTraffic.AirportDay> busiest) {
        return busiest.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.code());
            m.put("name", catalog.airport(a.code()).map(d -> d.getString("airport_name")).orElse(null));
            m.put("departures", a.departures());
            m.put("arrivals", a.arrivals());
            m.put("movements", a.movements());
            return m;
        }).toList();
    }
}
