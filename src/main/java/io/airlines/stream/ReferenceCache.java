package io.airlines.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import io.airlines.aircraft.AircraftIdentities;
import io.airlines.reference.ReferenceKind;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The reference data enrichment and the simulator read, reloaded from the store every few minutes
 * (the batch jobs fill it); the built-in list stands in while the store is empty.
 */
@Component
public class ReferenceCache implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReferenceCache.class);

    private final MongoDatabase database;
    private final AircraftIdentities aircraft;
    private volatile ReferenceData current;
    private final List<Consumer<ReferenceData>> listeners = new CopyOnWriteArrayList<>();

    private final Duration reloadEvery;

    public ReferenceCache(MongoDatabase database, AircraftIdentities aircraft, StreamSettings settings) {
        this.database = database;
        this.aircraft = aircraft;
        this.current = new ReferenceData(BuiltIns.AIRLINES, BuiltIns.AIRPORTS, List.of(), aircraft);
        this.reloadEvery = settings.referenceReload();
    }

    /** First load shortly after start (off the start-up path), then every few minutes. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::reload, reloadEvery, Duration.ofSeconds(3)));
    }

    /** Called after each reload with the new data. */
    public void onReload(Consumer<ReferenceData> listener) {
        listeners.add(listener);
    }

    public ReferenceData current() {
        return current;
    }

    public void reload() {
        try {
            current = read(database, aircraft);
            listeners.forEach(l -> l.accept(current));
            log.info("Reference data: {} airports, {} scheduled legs", current.airports().size(), current.legs().size());
        } catch (RuntimeException e) {
            log.warn("Reference data not reloaded (kept the previous set): {}", e.toString());
        }
    }

    /** The airlines, airports and timetable (yesterday to tomorrow) of a store, the built-in ones first. */
    public static ReferenceData read(MongoDatabase database, AircraftIdentities aircraft) {
        // Built-ins first: open data holds defunct airlines reusing codes and many namesakes of airports.
        List<ReferenceData.Airline> airlines = new ArrayList<>(BuiltIns.AIRLINES);
        for (Document d : database.getCollection(ReferenceKind.AIRLINES.collection()).find()
                .projection(new Document("airline_id", 1).append("airline_id_icao", 1).append("airline_name", 1))) {
            airlines.add(new ReferenceData.Airline(d.getString("airline_id"), d.getString("airline_id_icao"),
                    d.getString("airline_name")));
        }
        List<ReferenceData.Airport> airports = new ArrayList<>(BuiltIns.AIRPORTS);
        for (Document d : database.getCollection(ReferenceKind.AIRPORTS.collection()).find()
                .projection(new Document("airport_code", 1).append("airport_name", 1).append("position", 1))) {
            ReferenceData.Airport a = airport(d);
            if (a != null) {
                airports.add(a);
            }
        }
        List<ReferenceData.Scheduled> legs = TimetableReader.read(database, System.currentTimeMillis());
        return new ReferenceData(airlines, airports, legs, aircraft);
    }

    private static ReferenceData.Airport airport(Document d) {
        Object position = d.get("position");
        String code = d.getString("airport_code");
        if (!(position instanceof Document p) || code == null) {
            return null;
        }
        Double lat = number(p.get("Latitude"));
        Double lon = number(p.get("Longitude"));
        return lat == null || lon == null ? null : new ReferenceData.Airport(code, d.getString("airport_name"), lat, lon);
    }

    static Double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
