package io.airlines.embedded.mongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;

/**
 * An update that appends values to an array of one document named by its text {@code _id} and
 * raises a counter, as the sink appends a flight's new points to a track segment:
 * {@code {$push: {points: {$each: [...]}}, $inc: {count: n}, $setOnInsert: {...}}}. Applied to the
 * stored bytes ({@link #applyTo}): the new values are encoded and spliced in at the end of the
 * array. The generic update decodes the whole stored document, its dozens of points into maps and
 * boxed numbers, and encodes it again, for every append of a point or two.
 * Anything else ({@code $sort}, other operators, dotted names, a counter that is not an int32, an
 * array that is not there) is not one, and takes the generic path.
 */
record AppendById(String arrayField, List<?> values, String counterField, int increment) {

    private static final String PUSH = "$push";
    private static final String INC = "$inc";
    private static final String SET_ON_INSERT = "$setOnInsert";
    private static final String EACH = "$each";

    /** The append this update is, or null. */
    static AppendById of(Document selector, Document update, boolean multi, ArrayFilters arrayFilters, String idField) {
        if (multi || idField == null || selector.size() != 1 || !(selector.get(idField) instanceof String)
                || !arrayFilters.isEmpty() || !(update.get(PUSH) instanceof Document push) || push.size() != 1) {
            return null;
        }
        for (String operator : update.keySet()) {
            if (!operator.equals(PUSH) && !operator.equals(INC) && !operator.equals(SET_ON_INSERT)) {
                return null;
            }
        }
        Map.Entry<String, Object> pushed = push.entrySet().iterator().next();
        if (!plain(pushed.getKey()) || !(pushed.getValue() instanceof Document each) || each.size() != 1
                || !(each.get(EACH) instanceof List<?> values) || values.isEmpty()) {
            return null;
        }
        String counter = null;
        int increment = 0;
        if (update.containsKey(INC)) {
            if (!(update.get(INC) instanceof Document inc) || inc.size() != 1) {
                return null;
            }
            Map.Entry<String, Object> raised = inc.entrySet().iterator().next();
            if (!plain(raised.getKey()) || raised.getKey().equals(pushed.getKey())
                    || !(raised.getValue() instanceof Integer by)) {
                return null;
            }
            counter = raised.getKey();
            increment = by;
        }
        return new AppendById(pushed.getKey(), values, counter, increment);
    }

    private static boolean plain(String name) {
        return !name.isEmpty() && !name.startsWith("$") && name.indexOf('.') < 0;
    }

    /**
     * {@code stored} with the values at the end of its array and its counter raised; null when the
     * document is not there, has no such array, or no int32 counter, or one that would overflow.
     */
    byte[] applyTo(byte[] stored) {
        if (stored == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN);
        int arrayAt = -1;
        int counterAt = -1;
        int pos = 4;
        while (stored[pos] != BsonConstants.TERMINATING_BYTE) {
            byte type = stored[pos];
            int name = pos + 1;
            int value = BsonSkip.cStringEnd(stored, name) + 1;
            if (arrayAt < 0 && BsonSkip.nameIs(stored, name, arrayField)) {
                if (type != BsonConstants.TYPE_ARRAY) {
                    return null;
                }
                arrayAt = value;
            } else if (counterField != null && counterAt < 0 && BsonSkip.nameIs(stored, name, counterField)) {
                if (type != BsonConstants.TYPE_INT32) {
                    return null;
                }
                counterAt = value;
            }
            pos = value + BsonSkip.valueLength(b, type, value);
        }
        if (arrayAt < 0 || (counterField != null && counterAt < 0)) {
            return null;
        }
        int counted = 0;
        if (counterField != null) {
            long raised = (long) b.getInt(counterAt) + increment;
            if (raised != (int) raised) {
                return null;
            }
            counted = (int) raised;
        }
        int arrayLength = b.getInt(arrayAt);
        byte[] added = elements(elementCount(b, arrayAt));
        byte[] out = new byte[stored.length + added.length];
        int arrayEnd = arrayAt + arrayLength - 1;
        System.arraycopy(stored, 0, out, 0, arrayEnd);
        System.arraycopy(added, 0, out, arrayEnd, added.length);
        System.arraycopy(stored, arrayEnd, out, arrayEnd + added.length, stored.length - arrayEnd);
        ByteBuffer o = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        o.putInt(0, out.length);
        o.putInt(arrayAt, arrayLength + added.length);
        if (counterField != null) {
            o.putInt(counterAt < arrayAt ? counterAt : counterAt + added.length, counted);
        }
        return out;
    }

    /** The elements of the array starting at {@code arrayAt}. */
    private static int elementCount(ByteBuffer b, int arrayAt) {
        byte[] stored = b.array();
        int count = 0;
        int pos = arrayAt + 4;
        while (stored[pos] != BsonConstants.TERMINATING_BYTE) {
            byte type = stored[pos];
            int value = BsonSkip.cStringEnd(stored, pos + 1) + 1;
            pos = value + BsonSkip.valueLength(b, type, value);
            count++;
        }
        return count;
    }

    /** The values as array elements named from {@code first} on: a document of those names, without its frame. */
    private byte[] elements(int first) {
        Document named = new Document();
        for (int i = 0; i < values.size(); i++) {
            named.put(Integer.toString(first + i), values.get(i));
        }
        BsonBytes.Out bson = BsonBytes.encode(named);
        byte[] out = new byte[bson.size() - 5];
        System.arraycopy(bson.bytes(), 4, out, 0, out.length);
        return out;
    }
}
