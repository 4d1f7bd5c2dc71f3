package io.airlines.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.airlines.api.BadRequestException;
import io.airlines.stream.FlightEvent;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recent flight events, newest first, optionally of one type. */
@RestController
class EventsController {

    static final Set<String> TYPES = Set.of("takeoff", "landing", "emergency", "signal_lost", "delay");

    private final MongoDatabase database;

    public EventsController(MongoDatabase database) {
        this.database = database;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> events(@RequestParam(required = false) String type,
                                      @RequestParam(required = false) String key,
                                      @RequestParam(defaultValue = "100") int limit) {
        if (type != null && !TYPES.contains(type)) {
            throw new BadRequestException("type", "type must be one of " + TYPES);
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit", "limit must be between 1 and 1000");
        }
        Bson filter = Filters.empty();
        if (type != null) {
            filter = Filters.eq("type", type);
        }
        if (key != null) {
            filter = Filters.and(filter, Filters.eq("key", key));
        }
        List<FlightEvent> events = database.getCollection(EventSink.COLLECTION).find(filter)
                .sort(Sorts.descending("time")).limit(limit)
                .map(EventSink::fromDocument).into(new ArrayList<>());
        return Map.of("events", events);
    }
}
