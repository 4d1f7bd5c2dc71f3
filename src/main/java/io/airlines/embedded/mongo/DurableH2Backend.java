package io.airlines.embedded.mongo;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.airlines.config.StoreDurability;
import org.h2.mvstore.MVStore;

/**
 * The H2 store with documents kept as BSON ({@link BsonH2Database}) and write acknowledgements
 * that mean "in the file": every write command is committed to the file before its answer goes
 * back. Plain H2Backend commits in the background about once a second, so a SIGKILL would lose up
 * to a second of writes the sink had already acknowledged to Kafka. The writes that finish while a
 * commit runs share the next one ({@link GroupCommit}).
 * A commit hands the pages to the operating system; a write asking for the journal ({@code j: true},
 * {@link StoreDurability#DISK}) and MongoDB's {@code fsync} command also wait for the disk.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "bulkwrite",
            "create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    private final LongAdder syncs = new LongAdder();
    private final LongAdder periodicSyncs = new LongAdder();
    /** Bytes written when the file was last synced on the store's own clock. */
    private long syncedAt;
    private final GroupCommit group = new GroupCommit(this::commit);
    /** Null in memory. */
    private final CountedFileStore file;

    DurableH2Backend(MVStore store, CountedFileStore file) {
        super(store);
        this.file = file;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Every command of the 5.x driver arrives as an OP_MSG whose first key names the command. It
     * runs on the version it started on pinned: mongo-java-server reads a query's whole answer within
     * the command, so H2 may reuse the space of older versions without pulling a page from under it.
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        String name = command.keySet().stream().findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (name.equals("fsync")) {
            commit();
            sync();
            return new Document("numFiles", 1).append("ok", 1.0);
        }
        MVStore.TxCounter pinned = getMvStore().registerVersionUsage();
        Document answer;
        try {
            answer = super.handleMessage(message);
        } finally {
            getMvStore().deregisterVersionUsage(pinned);
        }
        if (WRITES.contains(name)) {
            group.committed();
            if (asksForDisk(command)) {
                sync();
            }
        }
        return answer;
    }

    /** {@code writeConcern: {j: true}}, or its older spelling {@code fsync: true}. */
    private static boolean asksForDisk(Document command) {
        return command.get("writeConcern") instanceof Document concern
                && (Boolean.TRUE.equals(concern.get("j")) || Boolean.TRUE.equals(concern.get("fsync")));
    }

    private void sync() {
        getMvStore().sync();
        syncs.increment();
    }

    /**
     * Syncs the file when it was written to since the last time: H2 reuses the space of old versions
     * after its retention time, which is safe once what replaced them is on disk.
     */
    synchronized void syncWritten() {
        long written = writtenBytes();
        if (written != syncedAt) {
            getMvStore().sync();
            syncedAt = written;
            periodicSyncs.increment();
        }
    }

    /** Syncs {@link #syncWritten} made. */
    long periodicSyncs() {
        return periodicSyncs.sum();
    }

    /** Syncs of the file to disk since the store opened. */
    long syncs() {
        return syncs.sum();
    }

    /** Bytes written to the file since the store opened (0 in memory). */
    long writtenBytes() {
        return file == null ? 0 : file.writtenBytes();
    }

    /** Bytes read from the file since the store opened (0 in memory): pages the cache did not hold. */
    long readBytes() {
        return file == null ? 0 : file.readBytes();
    }

    /** Commits of write commands since the store opened: fewer than the commands when they overlap. */
    long commits() {
        return group.commits();
    }
}
