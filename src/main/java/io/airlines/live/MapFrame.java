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

    /** An unknown number in a column. */
    static final int UNKNOWN = Integer.MIN_VALUE;

    /** 7 columns of 4-byte integers (slot, lat, lon, altitude, track, speed, vertical rate), then on-ground bytes. */
    static final int BYTES_PER_ROW = 7 * Integer.BYTES + 1;

    private static final List<ToIntFunction<Position>> NUMBERS = List.of(p -> degrees(p.lat()), p -> degrees(p.lon()),
            p -> scaled(p.altitude(), 1), p -> scaled(p.track(), 10), p -> scaled(p.speed(), 1), p -> scaled(p.verticalRate(), 10));

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

    /**
     * Column after column: slot; lat and lon in 1e-5 degrees; altitude rounded; track in tenths of a
     * degree; speed rounded; vertical rate in tenths; then one byte per row, 1 on the ground.
     */
    byte[] columns() {
        int n = rows.size();
        ByteBuffer b = ByteBuffer.allocate(n * BYTES_PER_ROW).order(ByteOrder.LITTLE_ENDIAN);
        for (Row r : rows) {
            b.putInt(r.slot());
        }
        for (ToIntFunction<Position> column : NUMBERS) {
            for (Row r : rows) {
                b.putInt(column.applyAsInt(r.position()));
            }
        }
        for (Row r : rows) {
            b.put((byte) (Boolean.TRUE.equals(r.position().onGround()) ? 1 : 0));
        }
        return b.array();
    }

    /** As the row format writes them: the same 5 decimals. */
    private static int degrees(Double v) {
        return v == null || !Double.isFinite(v) ? UNKNOWN : clamp(CompactRows.scaled5(v));
    }

    private static int scaled(Double v, int scale) {
        return v == null || !Double.isFinite(v) ? UNKNOWN : clamp(Math.round(v * scale));
    }

    private static int clamp(long v) {
        return (int) Math.max(UNKNOWN + 1L, Math.min(Integer.MAX_VALUE, v));
    }
}
