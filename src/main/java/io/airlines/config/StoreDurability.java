package io.airlines.config;

import com.mongodb.WriteConcern;

/**
 * When an acknowledged write is on disk ({@code AIRLINES_STORE_DURABILITY}). The sink commits a
 * Kafka offset only after the store acknowledged the write, so this also says what a committed
 * offset stands for.
 */
public enum StoreDurability {

    /**
     * Acknowledged once written to the store's file (the embedded store) or to the server's memory
     * and journal buffer (MongoDB's default): a killed process loses nothing, a power cut may lose
     * what the operating system had not yet written out.
     */
    PROCESS,

    /**
     * Acknowledged once on disk: the client asks for the journal ({@code j: true}); the embedded
     * store answers such a write after an fsync of its file, MongoDB after its journal is synced.
     */
    DISK;

    /** The write concern for this mode, from the one the connection string asked for (if any). */
    public WriteConcern writeConcern(WriteConcern asked) {
        WriteConcern base = asked == null ? WriteConcern.ACKNOWLEDGED : asked;
        return this == DISK ? base.withJournal(true) : base;
    }
}
