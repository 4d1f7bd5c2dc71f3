package io.airlines.live;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.function.ToIntFunction;

import io.airlines.stream.Position;

/**
 * One message of the live map's frame format ({@code /api/v1/live/stream?format=frames}): the slots
 * that left, the texts of aircraft new or renamed, and the numbers of the aircraft that moved as
 * little-endian columns in base64, which a browser turns into typed arrays without parsing a
 * number. The README describes the layout.
 */
record MapFrame(long time, int total, int[] removed, List<Row> named, List<Row> rows) {

    /** The texts of a named aircraft, in this order after its slot. */
    static final String TEXTS = "[\"key\",\"callsign\",\"squawk\",\"airline\",\"origin\",\"destination\",\"source\","
            + "\"registration\",\"aircraftType\"]";

    /** An unknown number in a 4-byte column; in a 2-byte one, {@link Short#MIN_VALUE}. */
    static final int UNKNOWN = Integer.MIN_VALUE;

    /**
     * After the slot, in this order: lat and lon in 1e-5 degrees and altitude in metres as 4-byte
     * integers; track in tenths of a degree, speed in km/h and vertical rate in tenths of m/s as
     * 2-byte ones (a value beyond their range is clamped).
     */
    private static final List<Column> NUMBERS = List.of(new Column(p -> degrees(p.lat()), Integer.BYTES),
            new Column(p -> degrees(p.lon()), Integer.BYTES), new Column(p -> scaled(p.altitude(), 1, Integer.BYTES), Integer.BYTES),
            new Column(p -> scaled(p.track(), 10, Short.BYTES), Short.BYTES), new Column(p -> scaled(p.speed(), 1, Short.BYTES), Short.BYTES),
            new Column(p -> scaled(p.verticalRate(), 10, Short.BYTES), Short.BYTES));

    /** The slot, the numbers, then a byte 1 on the ground, 0 otherwise. */
    static final int BYTES_PER_ROW = Integer.BYTES + NUMBERS.stream().mapToInt(Column::bytes).sum() + 1;

    private record Column(ToIntFunction<Position> value, int bytes) {
    }

    /** An aircraft in its slot. */
    record Row(int slot, Position position) {
    }

    /** The SSE event's data: one small JSON object around the columns. */
    String text() {
        StringBuilder b = new StringBuilder(128 + named.size() * 64 + rows.size() * BYTES_PER_ROW * 4 / 3);
        b.append("{\"time\":").append(time).append(",\"total\":").append(total).append(",\"removed\":[");
        for (int i = 0; i < removed.length; i++) {
            b.append(i == 0 ? "" : ",").append(removed[i]);
        }
        b.append("],\"texts\":").append(TEXTS).append(",\"named\":[");
        for (int i = 0; i < named.size(); i++) {
            Row row = named.get(i);
            Position p = row.position();
            b.append(i == 0 ? "[" : ",[").append(row.slot());
            for (String text : new String[] {p.key(), p.callsign(), p.squawk(), p.airline(), p.origin(), p.destination(),
                    p.source(), p.registration(), p.aircraftType()}) {
                b.append(',');
                CompactRows.string(b, text);
            }
            b.append(']');
        }
        return b.append("],\"count\":").append(rows.size()).append(",\"columns\":\"")
                .append(Base64.getEncoder().encodeToString(columns())).append("\"}").toString();
    }

    /** Column after column, each as wide as its numbers need: the 4-byte columns first, so every column is aligned. */
    byte[] columns() {
        int n = rows.size();
        ByteBuffer b = ByteBuffer.allocate(n * BYTES_PER_ROW).order(ByteOrder.LITTLE_ENDIAN);
        for (Row r : rows) {
            b.putInt(r.slot());
        }
        for (Column column : NUMBERS) {
            for (Row r : rows) {
                int v = column.value().applyAsInt(r.position());
                if (column.bytes() == Integer.BYTES) {
                    b.putInt(v);
                } else {
                    b.putShort((short) v);
                }
            }
        }
        for (Row r : rows) {
            b.put((byte) (Boolean.TRUE.equals(r.position().onGround()) ? 1 : 0));
        }
        return b.array();
    }

    /** As the row format writes them: the same 5 decimals. */
    private static int degrees(Double v) {
        return v == null || !Double.isFinite(v) ? UNKNOWN : clamp(CompactRows.scaled5(v), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static int scaled(Double v, int scale, int bytes) {
        int min = bytes == Integer.BYTES ? Integer.MIN_VALUE : Short.MIN_VALUE;
        int max = bytes == Integer.BYTES ? Integer.MAX_VALUE : Short.MAX_VALUE;
        return v == null || !Double.isFinite(v) ? min : clamp(Math.round(v * scale), min, max);
    }

    /** Within the column's range, whose lowest value says unknown. */
    private static int clamp(long v, int unknown, int max) {
        return (int) Math.max(unknown + 1L, Math.min(max, v));
    }
}
