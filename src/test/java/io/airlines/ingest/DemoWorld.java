package io.airlines.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.airlines.reference.OfflineReference;
import io.airlines.reference.ReferenceKind;
import io.airlines.schedule.DemoAirport;
import io.airlines.schedule.DemoAirports;
import io.airlines.schedule.DemoTimetable;
import io.airlines.schedule.Journey;
import io.airlines.schedule.Leg;
import io.airlines.stream.ReferenceData;
import org.bson.Document;

/** The reference data the server holds after its first start: shipped airlines and airports, demo timetable. */
final class DemoWorld {

    private DemoWorld() {
    }

    /** The demo timetable of the day before {@code day} to the day after, as the simulator reads it. */
    static ReferenceData around(LocalDate day) {
        var shipped = OfflineReference.load();
        List<DemoAirport> demoAirports = DemoAirports.from(shipped.get(ReferenceKind.AIRPORTS), Set.of("BIO"));
        List<ReferenceData.Airline> airlines = new ArrayList<>();
        for (Document d : shipped.get(ReferenceKind.AIRLINES)) {
            airlines.add(new ReferenceData.Airline(d.getString("airline_id"), d.getString("airline_id_icao"),
                    d.getString("airline_name")));
        }
        List<ReferenceData.Airport> airports = demoAirports.stream()
                .map(a -> new ReferenceData.Airport(a.code(), a.code(), a.lat(), a.lon())).toList();
        DemoTimetable demo = new DemoTimetable(demoAirports);
        List<ReferenceData.Scheduled> legs = new ArrayList<>();
        for (LocalDate date = day.minusDays(1); !date.isAfter(day.plusDays(1)); date = date.plusDays(1)) {
            for (Journey j : demo.journeys(date)) {
                Leg leg = j.legs().get(0);
                legs.add(new ReferenceData.Scheduled(leg.flightNumber(), leg.carrier(), j.origin(), j.destination(),
                        Instant.parse(j.departureUtc()).toEpochMilli(), Instant.parse(j.arrivalUtc()).toEpochMilli()));
            }
        }
        return new ReferenceData(airlines, airports, legs);
    }
}
