package io.airlines.config;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one MongoDB client of the process (the original opened a connection per message), on the
 * embedded store this process started or on the server named by {@code MONGODB_URI}.
 */
public final class MongoConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoConnection.class);

    private final String uri;
    private final EmbeddedMongoStore store;
    private final MongoClient client;
    private final MongoDatabase database;

    private MongoConnection(String uri, EmbeddedMongoStore store, MongoClient client, String database) {
        this.uri = uri;
        this.store = store;
        this.client = client;
        this.database = client.getDatabase(database);
    }

    public static MongoConnection open(AirlinesSettings settings) {
        AirlinesSettings.Mongo mongo = settings.mongo();
        EmbeddedMongoStore store = null;
        String uri = mongo.effectiveUri();
        if (mongo.embedded()) {
            store = new EmbeddedMongoStore(mongo, settings.dataDir());
            store.start();
        } else {
            log.info("Using external MongoDB at {}; no embedded store started", UriMask.maskUri(uri));
        }
        MongoClient client;
        try {
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(uri))
                    .applicationName("airlines")
                    .applyToClusterSettings(b -> b.serverSelectionTimeout(
                            mongo.startupTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .build());
        } catch (RuntimeException e) {
            closeQuietly(store);
            throw new StartupException("MONGODB_URI is not a valid MongoDB connection string: "
                    + UriMask.maskUri(uri), e);
        }
        MongoConnection connection = new MongoConnection(uri, store, client, mongo.database());
        try {
            connection.ping();
        } catch (RuntimeException e) {
            connection.close();
            throw new StartupException("MongoDB at " + UriMask.maskUri(uri) + " is unreachable ("
                    + e.getClass().getSimpleName() + "); set MONGODB_URI to a reachable server", e);
        }
        return connection;
    }

    public Document ping() {
        return database.runCommand(new Document("ping", 1));
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return database;
    }

    /** The address without credentials, for display. */
    public String displayUri() {
        return UriMask.maskUri(uri);
    }

    public boolean embedded() {
        return store != null;
    }

    public EmbeddedMongoStore embeddedStore() {
        return store;
    }

    @Override
    public void close() {
        client.close();
        closeQuietly(store);
    }

    private static void closeQuietly(EmbeddedMongoStore store) {
        if (store != null) {
            store.close();
        }
    }
}
