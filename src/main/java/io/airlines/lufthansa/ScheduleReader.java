package io.airlines.lufthansa;

import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code /operations/schedules/{origin}/{destination}/{date}}: the journeys of a day. The API's
 * 404 business error ({@code ProcessingErrors}, "Flight not found") means no flight: empty.
 */
public final class ScheduleReader {

    private final LufthansaClient client;

    public ScheduleReader(LufthansaClient client) {
        this.client = client;
    }

    /** The {@code Schedule} elements (each a {@code TotalJourney} and its {@code Flight} legs). */
    public List<JsonNode> schedules(String origin, String destination, LocalDate date) {
        return client.get("/operations/schedules/" + origin + "/" + destination + "/" + date + "?directFlights=0")
                .map(body -> LufthansaJson.list(LufthansaJson.at(body, "ScheduleResource", "Schedule")))
                .orElse(List.of());
    }
}
