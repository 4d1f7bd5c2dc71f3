package io.airlines.store;

import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import io.airlines.live.FlightStateLookup;
import io.airlines.stream.Position;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Reads {@code flight_state}: the last state of flights that left the live view. */
@Component
public class FlightStates implements FlightStateLookup {

    public static final String COLLECTION = "flight_state";

    private final MongoDatabase database;

    public FlightStates(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Position> find(String key) {
        Document d = database.getCollection(COLLECTION).find(new Document("_id", key)).first();
        return Optional.ofNullable(d).map(StateDocuments::fromDocument);
    }
}
