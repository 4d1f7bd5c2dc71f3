package io.airlines.ingest;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.airlines.aircraft.AircraftIdentities;
import io.airlines.board.Cancellations;
import io.airlines.stream.ReferenceCache;
import io.airlines.stream.ReferenceData;

/**
 * What {@code ./airlines simulate} flies: the timetable of the store the server uses (yesterday to
 * tomorrow, read once at start) with the flights it cancels announced there, as the server's
 * simulator does; the built-in airports and round trips when the store cannot be reached or holds
 * no timetable. {@link #description()} says which.
 */
final class StoreTimetable implements AutoCloseable {

    private static final long WAIT_SECONDS = 3;

    private final MongoClient client;
    private final Cancellations cancellations;
    private final ReferenceData data;
    private final String description;

    private StoreTimetable(MongoClient client, Cancellations cancellations, ReferenceData data, String description) {
        this.client = client;
        this.cancellations = cancellations;
        this.data = data;
        this.description = description;
    }

    /** The store's URI is never shown: it may hold credentials. */
    static StoreTimetable open(String uri, String database) {
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(WAIT_SECONDS, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) WAIT_SECONDS, TimeUnit.SECONDS))
                .build());
        try {
            ReferenceData data = ReferenceCache.read(client.getDatabase(database), AircraftIdentities.withoutDatabase());
            if (!data.legs().isEmpty()) {
                return new StoreTimetable(client, new Cancellations(client.getDatabase(database)), data,
                        "the timetable of the store (" + data.legs().size() + " legs, yesterday to tomorrow)");
            }
            client.close();
            return builtIn("round trips from airline bases: no timetable in the store");
        } catch (MongoException e) {
            client.close();
            return builtIn("round trips from airline bases: no store answers ("
                    + e.getClass().getSimpleName() + "; MONGODB_URI, else 127.0.0.1:AIRLINES_MONGO_PORT)");
        }
    }

    private static StoreTimetable builtIn(String description) {
        return new StoreTimetable(null, null, ReferenceData.builtIn(), description);
    }

    ReferenceData data() {
        return data;
    }

    String description() {
        return description;
    }

    /** Announces the flights of the timetable that {@code seed}'s airlines cancel; how many. */
    int announceCancellations(long seed) {
        return cancellations == null ? 0
                : new CancellationNotices(seed, cancellations).announce(data.legs(), System.currentTimeMillis());
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
