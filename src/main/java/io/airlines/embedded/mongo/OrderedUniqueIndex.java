package io.airlines.embedded.mongo;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map.Entry;
import java.util.Set;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A unique index in the H2 file (such as {@code _id}) that also answers ranges, as MongoDB's
 * B-tree indexes do: {@code {_id: {$gte: a, $lt: b}}}, possibly next to other fields, and an
 * {@code $or} of such ranges. mongo-java-server's own index answers only equality and
 * {@code $in}; any range was a scan of the whole collection under its lock. The keys are kept in
 * MongoDB's order ({@link KeyValueType}), so a range is one walk along the map. A query of this
 * index's field alone ({@link #answersExactly}) gets exactly its matches; with other fields the
 * collection matches each document against the whole query.
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

    private static final Set<String> LOWER = Set.of("$gt", "$gte");
    private static final Set<String> UPPER = Set.of("$lt", "$lte");
    private static final String OR = "$or";
    private static final String IN = "$in";

    private final MVMap<KeyValue, Object> map;

    OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    /** Both ends of a walk along the index, each included or not ({@code $gte} or {@code $gt}). */
    record Range(KeyValue from, KeyValue to, boolean fromIncluded, boolean toIncluded) {

        boolean excludes(KeyValue key) {
            return !fromIncluded && KeyValueType.INSTANCE.compare(key, from) == 0
                    || !toIncluded && KeyValueType.INSTANCE.compare(key, to) == 0;
        }
    }

    /**
     * Whether the positions this index gives for {@code query} are exactly its matches, so that
     * matching each document again can be left out: a range or an {@code $or} of ranges of this
     * field alone, or an {@code $in} of plain values. Matching a document against an {@code $in}
     * or an {@code $or} compares it with every member in turn: for the sink's reads of a thousand
     * buckets at a time that was a million comparisons a read, a sixth of the store's time.
     */
    synchronized boolean answersExactly(Document query) {
        if (isCompoundIndex() || isSparse() || query.size() != 1) {
            return false;
        }
        if (ranges(query) != null) {
            return true;
        }
        return query.get(keys().get(0)) instanceof Document condition && condition.size() == 1
                && condition.get(IN) instanceof List<?> values && values.stream().allMatch(OrderedUniqueIndex::plain)
                && super.canHandle(query);
    }

    /** A value an {@code $in} matches by equality alone (not null, a pattern, an array or a document). */
    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Date || value instanceof Boolean
                || value instanceof ObjectId;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return ranges(query) != null || super.canHandle(query);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        List<Range> ranges = ranges(query);
        if (ranges == null) {
            return super.getPositions(query);
        }
        Set<Object> positions = new LinkedHashSet<>();
        for (Range r : ranges) {
            Cursor<KeyValue, Object> cursor = map.cursor(r.from(), r.to(), false);
            while (cursor.hasNext()) {
                KeyValue key = cursor.next();
                if (!r.excludes(key)) {
                    positions.add(cursor.getValue());
                }
            }
        }
        return positions;
    }

    /**
     * The ranges a query asks of this index's one field, or null when it asks something else:
     * an {@code $or} qualifies only when every branch is a range of that field and nothing else.
     */
    List<Range> ranges(Document query) {
        if (isCompoundIndex()) {
            return null;
        }
        String field = keys().get(0);
        if (query.size() == 1 && query.get(OR) instanceof List<?> branches && !branches.isEmpty()) {
            List<Range> ranges = new ArrayList<>(branches.size());
            for (Object branch : branches) {
                Range r = branch instanceof Document d && d.size() == 1 ? range(d.get(field)) : null;
                if (r == null) {
                    return null;
                }
                ranges.add(r);
            }
            return ranges;
        }
        Range r = range(query.get(field));
        return r == null ? null : List.of(r);
    }

    /**
     * A condition with a lower and an upper bound of the same kind; MongoDB compares only values
     * of one kind ({@code $gte: "a"} matches no number), and the index keeps each kind together.
     */
    private static Range range(Object condition) {
        if (!(condition instanceof Document d) || d.size() != 2) {
            return null;
        }
        Object from = null;
        Object to = null;
        boolean fromIncluded = false;
        boolean toIncluded = false;
        for (String op : d.keySet()) {
            if (LOWER.contains(op)) {
                from = d.get(op);
                fromIncluded = op.equals("$gte");
            } else if (UPPER.contains(op)) {
                to = d.get(op);
                toIncluded = op.equals("$lte");
            }
        }
        if (!sameKind(from, to)) {
            return null;
        }
        return new Range(new KeyValue(from), new KeyValue(to), fromIncluded, toIncluded);
    }

    private static boolean sameKind(Object a, Object b) {
        return a instanceof String && b instanceof String
                || a instanceof Number && b instanceof Number
                || a instanceof Date && b instanceof Date;
    }

    // Storage, as H2UniqueIndex keeps it (whose constructor is not public).

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(keyValue);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
