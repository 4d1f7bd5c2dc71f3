package io.airlines.embedded.mongo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * The answer of a find that scans a collection in its stored order, read one batch at a time:
 * mongo-java-server reads a query's whole answer into memory when the find arrives, so one
 * {@code find()} on a collection of a million track points held them all, and the server, with
 * its heap of 512 MB, ran out of memory. The cursor keeps only where it stopped (the last key
 * read) and takes each batch from the version of the map current at that {@code getMore}, as
 * MongoDB's cursors do: a document is returned at most once, in its state when its batch was read.
 */
final class ScanCursor extends AbstractCursor {

    /** MongoDB's first batch when the find names none. */
    static final int FIRST_BATCH = 101;
    /** A batch ends after this many stored bytes (MongoDB's ends at 16 MiB; this heap is small). */
    static final long BATCH_BYTES = 4L << 20;

    private final MVMap<Object, byte[]> data;
    private final Predicate<Document> matches;
    private final UnaryOperator<List<Document>> project;
    private Object last;
    private int toSkip;
    private long left;
    private boolean exhausted;

    /**
     * @param skip  matching documents passed over first
     * @param limit documents returned at most; 0 for no limit
     */
    ScanCursor(long id, MVMap<Object, byte[]> data, Predicate<Document> matches, UnaryOperator<List<Document>> project,
               int skip, int limit) {
        super(id);
        this.data = data;
        this.matches = matches;
        this.project = project;
        this.toSkip = skip;
        this.left = limit == 0 ? Long.MAX_VALUE : limit;
    }

    @Override
    public synchronized boolean isEmpty() {
        return exhausted;
    }

    /** The next documents that match, at most {@code numberToReturn} (any number when 0) and about {@link #BATCH_BYTES}. */
    @Override
    public synchronized List<Document> takeDocuments(int numberToReturn) {
        List<Document> batch = new ArrayList<>();
        Object from = last == null ? null : data.higherKey(last);
        if (exhausted || last != null && from == null) {
            exhausted = true;
            return batch;
        }
        long bytes = 0;
        Cursor<Object, byte[]> cursor = data.cursor(from);
        while (cursor.hasNext() && left > 0 && (numberToReturn <= 0 || batch.size() < numberToReturn)
                && bytes < BATCH_BYTES) {
            last = cursor.next();
            byte[] stored = cursor.getValue();
            Document document = BsonBytes.decode(ByteBuffer.wrap(stored));
            if (!matches.test(document)) {
                continue;
            }
            if (toSkip > 0) {
                toSkip--;
                continue;
            }
            batch.add(document);
            bytes += stored.length;
            left--;
        }
        exhausted = left == 0 || !cursor.hasNext();
        return project.apply(batch);
    }
}
