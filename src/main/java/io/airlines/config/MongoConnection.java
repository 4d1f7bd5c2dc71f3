package io.airlines.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.airlines.embedded.mongo.EmbeddedMongoStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one MongoDB client of the process (the original opened a connection per message), on the
 * embedded store this process started or on the server named by {@code MONGODB_URI}. Every wait
 * on the server is bounded (connect, each answer, server selection), so a store that accepts
 * connections and never answers fails commands instead of hanging their callers.
 */
public final class MongoConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoConnection.class);

    private final String uri;
    private final EmbeddedMongoStore store;
    private final MongoClient client;
    private final MongoDatabase database;
    private final AirlinesSettings.Mongo settings;
    private final CommandWatch watch;
    /** One ping at a time, off the caller's thread: a caller waits for it only as long as it chooses. */
    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "airlines-mongo-probe");
        t.setDaemon(true);
        return t;
    });
    private Future<Document> probe;

    private MongoConnection(String uri, EmbeddedMongoStore store, MongoClient client, AirlinesSettings.Mongo settings,
                            CommandWatch watch) {
        this.uri = uri;
        this.store = store;
        this.client = client;
        this.database = client.getDatabase(settings.database());
        this.settings = settings;
        this.watch = watch;
    }

    public static MongoConnection open(AirlinesSettings settings) {
        return open(settings, List.of());
    }

    /** Starts the embedded store if no {@code MONGODB_URI} is set, and connects; {@code listeners} see every command. */
    public static MongoConnection open(AirlinesSettings settings, List<CommandListener> listeners) {
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
        CommandWatch watch = new CommandWatch();
        try {
            MongoClientSettings clientSettings = clientSettings(new ConnectionString(uri), mongo, watch);
            client = MongoClients.create(MongoClientSettings.builder(clientSettings)
                    .commandListenerList(withAll(clientSettings.getCommandListeners(), listeners)).build());
        } catch (RuntimeException e) {
            closeQuietly(store);
            throw new StartupException("MONGODB_URI is not a valid MongoDB connection string: "
                    + UriMask.maskUri(uri), e);
        }
        MongoConnection connection = new MongoConnection(uri, store, client, mongo, watch);
        try {
            connection.awaitReachable(mongo.startupTimeout());
        } catch (RuntimeException e) {
            connection.close();
            throw new StartupException("MongoDB at " + UriMask.maskUri(uri) + " is unreachable ("
                    + e.getClass().getSimpleName() + "); set MONGODB_URI to a reachable server", e);
        }
        return connection;
    }

    private static List<CommandListener> withAll(List<CommandListener> first, List<CommandListener> more) {
        List<CommandListener> all = new ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    static MongoClientSettings clientSettings(ConnectionString uri, AirlinesSettings.Mongo mongo, CommandWatch watch) {
        return MongoClientSettings.builder()
                .applicationName("airlines")
                .addCommandListener(watch)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(millis(mongo.serverSelectionTimeout()), TimeUnit.MILLISECONDS))
                // The socket timeout bounds each answer, not a whole cursor: the driver's timeoutMS
                // (still an alpha API in 5.x) would also cut a long read the caller iterates slowly.
                .applyToSocketSettings(b -> b.connectTimeout(millis(mongo.connectTimeout()), TimeUnit.MILLISECONDS)
                        .readTimeout(millis(mongo.operationTimeout()), TimeUnit.MILLISECONDS))
                // Options written in MONGODB_URI (connectTimeoutMS, socketTimeoutMS...) win over the settings.
                .applyConnectionString(uri)
                .writeConcern(mongo.durability().writeConcern(uri.getWriteConcern()))
                .build();
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /** At start the server may still be coming up: ask again until the startup timeout. */
    private void awaitReachable(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                ping();
                return;
            } catch (MongoTimeoutException e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
            }
        }
    }

    public Document ping() {
        return database.runCommand(new Document("ping", 1));
    }

    /**
     * Pings within {@code AIRLINES_MONGO_HEALTH_TIMEOUT}, on a thread of its own: the caller (a
     * health check) answers in time even when the store does not. While an earlier ping still
     * waits, no second one is sent; the caller waits for that one.
     */
    public void pingWithinHealthTimeout() throws TimeoutException, InterruptedException {
        Future<Document> pending;
        synchronized (this) {
            if (probe == null || probe.isDone()) {
                probe = prober.submit(this::ping);
            }
            pending = probe;
        }
        try {
            pending.get(settings.healthTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The command that has waited longer than {@code AIRLINES_MONGO_STALL_AFTER} for its answer, and for how long. */
    public Optional<String> stalledCommand() {
        return watch.stalled(settings.stallAfter())
                .map(w -> w.command() + " unanswered for " + w.age(System.nanoTime()).toSeconds() + " s");
    }

    public Duration healthTimeout() {
        return settings.healthTimeout();
    }

    public StoreDurability durability() {
        return settings.durability();
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
        prober.shutdownNow();
        client.close();
        closeQuietly(store);
    }

    private static void closeQuietly(EmbeddedMongoStore store) {
        if (store != null) {
            store.close();
        }
    }
}
