package io.airlines.embedded.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.airlines.config.AirlinesSettings;
import io.airlines.config.DataDirectory;
import io.airlines.config.LocalPorts;
import io.airlines.config.StartupException;
import io.airlines.config.StartupFailure;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server in this JVM (mongo-java-server) on an H2 MVStore file, bound to loopback,
 * so that mongosh or any driver can connect and documents survive a restart.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    private static final String FORMAT_MAP = "airlines.format";
    /** How often the file is synced to disk when it was written to. */
    static final Duration SYNC_INTERVAL = Duration.ofSeconds(5);
    /**
     * Old versions outlive three syncs: a chunk's space is reused only once the chunks that
     * replaced it are on disk, whatever order the disk's buffers write in.
     */
    private static final Duration OLD_VERSION_RETENTION = SYNC_INTERVAL.multipliedBy(3);
    private static final int COMPACT_FILL_RATE = 90;

    private final AirlinesSettings.Mongo settings;
    private final Path file;
    private WireServer server;
    private DurableH2Backend backend;
    private ScheduledExecutorService syncs;

    public EmbeddedMongoStore(AirlinesSettings.Mongo settings, Path dataDir) {
        this.settings = settings;
        this.file = DataDirectory.prepare(dataDir, ".").resolve("mongo.mv");
    }

    public synchronized void start() {
        LocalPorts.requireFree(settings.port(), "MongoDB", "AIRLINES_MONGO_PORT");
        try {
            backend = open(file, OLD_VERSION_RETENTION);
            server = new WireServer(backend, new InetSocketAddress("127.0.0.1", settings.port()));
            syncs = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "store-sync");
                thread.setDaemon(true);
                return thread;
            });
            DurableH2Backend synced = backend;
            syncs.scheduleWithFixedDelay(() -> syncWritten(synced), SYNC_INTERVAL.toMillis(), SYNC_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (StartupException e) {
            close();
            throw e;
        } catch (RuntimeException e) {
            // The start-up report names the cause only; where H2 failed (a page of which map) is in the trace.
            log.error("Embedded MongoDB store could not open {}", file, e);
            close();
            throw new StartupException("embedded MongoDB store could not start on 127.0.0.1:" + settings.port()
                    + " with file " + file + " (" + StartupFailure.rootMessage(e)
                    + "); set AIRLINES_MONGO_PORT or AIRLINES_DATA_DIR", e);
        }
        log.info("Embedded MongoDB store listening on 127.0.0.1:{} (file {})", settings.port(), file);
    }

    /**
     * The store's backend on this file (in memory when null), with the settings the server uses:
     * benchmarks measure the same store through this.
     */
    public static H2Backend openBackend(Path file) {
        return openBackend(file, OLD_VERSION_RETENTION);
    }

    /** As {@link #openBackend(Path)}, keeping old versions for another time (tests need not wait a minute). */
    public static H2Backend openBackend(Path file, Duration oldVersionRetention) {
        return open(file, oldVersionRetention);
    }

    private static DurableH2Backend open(Path file, Duration oldVersionRetention) {
        MVStore.Builder builder = new MVStore.Builder();
        CountedFileStore fileStore = null;
        if (file != null) {
            // Points are appended and rewritten constantly: let H2 reclaim space as it goes. Under
            // steady writes H2 squares the target fill rate and compares it with 50 + live/2, so a
            // low target never rewrites a chunk while writes go on; at H2's default of 90, chunks
            // under about 60 % live are rewritten (StoreCompactionTest). The file store holds that
            // setting, so it is given there. Pages are compressed (LZF): track points repeat their field names.
            fileStore = new CountedFileStore(COMPACT_FILL_RATE);
            fileStore.open(file.toString(), false, null);
            builder.adoptFileStore(fileStore).autoCommitBufferSize(4 * 1024).compress();
        }
        MVStore store = openOrClose(builder, fileStore);
        // Old versions are kept a while for the disk's own write buffers, as H2 advises; reads do not
        // need them, since each command pins its version (DurableH2Backend). A longer retention
        // keeps every rewritten page that long, and the file grows with them (docs/benchmarks.md).
        store.setRetentionTime((int) oldVersionRetention.toMillis());
        requireFormat(store, file);
        return new DurableH2Backend(store, fileStore);
    }

    /** The store on its file; the file is closed again when H2 refuses it. */
    private static MVStore openOrClose(MVStore.Builder builder, CountedFileStore fileStore) {
        try {
            return builder.open();
        } catch (RuntimeException e) {
            if (fileStore != null) {
                fileStore.close();
            }
            throw e;
        }
    }

    /** Marks a new file with the document format, and refuses a file written in another one. */
    private static void requireFormat(MVStore store, Path file) {
        MVMap<String, String> marker = store.openMap(FORMAT_MAP);
        String format = marker.get("documents");
        boolean hasData = store.getMapNames().stream().anyMatch(name -> name.startsWith("databases."));
        if (format == null && hasData || format != null && !format.equals(BsonH2Database.FORMAT)) {
            store.closeImmediately();
            throw new StartupException("the store file " + file + " was written by an earlier version of Airlines in"
                    + " another format; move it away (the server then starts on an empty store) or set AIRLINES_DATA_DIR");
        }
        marker.put("documents", BsonH2Database.FORMAT);
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + settings.port();
    }

    public Path file() {
        return file;
    }

    /** The file's size and how much of its chunks is live data, for metrics; null before start. */
    public synchronized FileUse fileUse() {
        return backend == null ? null : FileUse.of(backend.getMvStore());
    }

    /** Bytes of the store file, and the percentage of them that current data uses (the rest awaits compaction or reuse). */
    public record FileUse(long bytes, int livePercent) {
        static FileUse of(MVStore store) {
            var file = store.getFileStore();
            return new FileUse(file.size(), file.getFillRate() * file.getChunksFillRate() / 100);
        }
    }

    /** Times the file was synced to disk (writes asking for the journal, the {@code fsync} command); 0 before start. */
    public synchronized long syncs() {
        return backend == null ? 0 : backend.syncs();
    }

    /** Commits of write commands since start (writes that overlap share one); 0 before start. */
    public synchronized long commits() {
        return backend == null ? 0 : backend.commits();
    }

    /** Bytes written to the store file since it opened: pages as compressed, rewritten ones included. */
    public synchronized long writtenBytes() {
        return backend == null ? 0 : backend.writtenBytes();
    }

    /** Bytes read from the store file since it opened: pages its cache did not hold. */
    public synchronized long readBytes() {
        return backend == null ? 0 : backend.readBytes();
    }

    /** A failed sync is the disk's trouble, told in the log; the next round tries again. */
    private static void syncWritten(DurableH2Backend synced) {
        try {
            synced.syncWritten();
        } catch (RuntimeException e) {
            log.error("Embedded MongoDB store could not sync its file to disk", e);
        }
    }

    private static void awaitSyncs(ScheduledExecutorService syncs) {
        try {
            if (!syncs.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Embedded MongoDB store: a sync of its file still runs after 30 s; closing the file anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Syncs of the file on the store's own clock, since start; 0 before. */
    public synchronized long periodicSyncs() {
        return backend == null ? 0 : backend.periodicSyncs();
    }

    /** Writes pending changes to disk; called on stop. */
    public synchronized void commit() {
        if (backend != null) {
            backend.commit();
        }
    }

    @Override
    public synchronized void close() {
        if (syncs != null) {
            // Not interrupted: an interrupt inside a sync would close H2's file channel under it.
            syncs.shutdown();
            awaitSyncs(syncs);
            syncs = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
        if (backend != null) {
            backend.close();
            backend = null;
        }
        log.info("Embedded MongoDB store stopped");
    }
}
