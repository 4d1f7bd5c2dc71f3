package io.airlines.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.airlines.schedule.TimetableStore;
import org.bson.Document;

/**
 * Reads the nonstop legs departing from yesterday to tomorrow from the {@code flights}
 * collection the batch jobs fill (normalized fields {@code flight_numbers}, {@code origin},
 * {@code destination}, {@code departure_utc}, {@code arrival_utc}); empty without a timetable.
 */
final class TimetableReader {

    private TimetableReader() {
    }

    static List<ReferenceData.Scheduled> read(MongoDatabase database, long now) {
        LocalDate today = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate();
        List<String> dates = List.of(today.minusDays(1).toString(), today.toString(), today.plusDays(1).toString());
        List<ReferenceData.Scheduled> legs = new ArrayList<>();
        for (Document d : database.getCollection(TimetableStore.FLIGHTS)
                .find(Filters.and(Filters.in("departure_date", dates), Filters.eq("stops", 0)))
                .projection(Projections.include("flight_numbers", "carriers", "origin", "destination", "departure_utc",
                        "arrival_utc"))) {
            ReferenceData.Scheduled leg = leg(d);
            if (leg != null) {
                legs.add(leg);
            }
        }
        legs.sort(Comparator.comparingLong(ReferenceData.Scheduled::departure)
                .thenComparing(ReferenceData.Scheduled::flightNumber));
        return legs;
    }

    static ReferenceData.Scheduled leg(Document d) {
        List<String> numbers = d.getList("flight_numbers", String.class);
        List<String> carriers = d.getList("carriers", String.class);
        if (numbers == null || numbers.isEmpty() || d.getString("origin") == null || d.getString("destination") == null) {
            return null;
        }
        try {
            long departure = Instant.parse(d.getString("departure_utc")).toEpochMilli();
            long arrival = Instant.parse(d.getString("arrival_utc")).toEpochMilli();
            String carrier = carriers == null || carriers.isEmpty() ? numbers.get(0).substring(0, 2) : carriers.get(0);
            return new ReferenceData.Scheduled(numbers.get(0), carrier, d.getString("origin"), d.getString("destination"),
                    departure, arrival);
        } catch (DateTimeParseException | NullPointerException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
