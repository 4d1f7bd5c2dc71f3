package io.airlines.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

import io.airlines.stream.Position;

/**
 * The rows of a sky frame packed in one binary value, about 30 bytes an aircraft: a frame holds
 * every aircraft of a minute, and as BSON sub-documents the same rows took several times the
 * bytes to store and to read. Coordinates keep six decimals (a decimetre), altitude and speed whole
 * metres and km/h, track a hundredth of a degree, vertical rate a tenth of a metre a second.
 */
final class SkyFrameRows {

    private static final short NO_SHORT = Short.MIN_VALUE;
    private static final char NO_TRACK = Character.MAX_VALUE;
    private static final int FIXED_BYTES = 4 + 4 + 4 + 2 + 2 + 2 + 2 + 2 + 1;
    private static final int MAX_KEY_BYTES = 255;
    /** Every code's text, made once: a frame read decodes tens of thousands of them. */
    private static final String[] SQUAWKS = new String[4096];

    static {
        for (int i = 0; i < SQUAWKS.length; i++) {
            SQUAWKS[i] = String.format("%04o", i);
        }
    }

    /** Receives each decoded row. */
    interface Row {
        void accept(String key, TrackPoint point);
    }

    private SkyFrameRows() {
    }

    /** The positions as rows, times relative to {@code base}; a key longer than 255 bytes is left out. */
    static byte[] encode(long base, Collection<Position> positions) {
        ByteBuffer b = ByteBuffer.allocate(positions.size() * (FIXED_BYTES + 1 + 8) + 16);
        for (Position p : positions) {
            byte[] key = p.key().getBytes(StandardCharsets.UTF_8);
            if (key.length > MAX_KEY_BYTES || p.lat() == null || p.lon() == null) {
                continue;
            }
            if (b.remaining() < key.length + 1 + FIXED_BYTES) {
                b = grown(b, key.length + 1 + FIXED_BYTES);
            }
            b.put((byte) key.length).put(key);
            b.putInt((int) (p.time() - base));
            b.putInt((int) Math.round(p.lat() * 1e6));
            b.putInt((int) Math.round(p.lon() * 1e6));
            b.putShort(clamped(p.altitude(), 1));
            b.putShort(clamped(p.speed(), 1));
            b.putChar(p.track() == null || p.track().isNaN() ? NO_TRACK : (char) Math.round(((p.track() % 360 + 360) % 360) * 100));
            b.putShort(clamped(p.verticalRate(), 10));
            b.putShort(squawk(p.squawk()));
            b.put(p.onGround() == null ? (byte) 2 : p.onGround() ? (byte) 1 : (byte) 0);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    static void decode(byte[] rows, long base, Row sink) {
        ByteBuffer b = ByteBuffer.wrap(rows);
        while (b.remaining() > 0) {
            byte[] key = new byte[b.get() & 0xff];
            b.get(key);
            long time = base + b.getInt();
            double lat = b.getInt() / 1e6;
            double lon = b.getInt() / 1e6;
            Double altitude = unclamped(b.getShort(), 1);
            Double speed = unclamped(b.getShort(), 1);
            char track = b.getChar();
            Double verticalRate = unclamped(b.getShort(), 10);
            short squawk = b.getShort();
            byte ground = b.get();
            sink.accept(new String(key, StandardCharsets.UTF_8), new TrackPoint(time, lat, lon, altitude, speed,
                    track == NO_TRACK ? null : track / 100.0, verticalRate,
                    squawk == NO_SHORT ? null : SQUAWKS[squawk], ground == 1));
        }
    }

    private static ByteBuffer grown(ByteBuffer b, int needed) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + needed));
        b.flip();
        return bigger.put(b);
    }

    private static short clamped(Double value, int scale) {
        if (value == null || value.isNaN()) {
            return NO_SHORT;
        }
        return (short) Math.max(NO_SHORT + 1, Math.min(Short.MAX_VALUE, Math.round(value * scale)));
    }

    private static Double unclamped(short value, int scale) {
        return value == NO_SHORT ? null : (double) value / scale;
    }

    /** Four octal digits, as transponders send them; anything else is not kept. */
    private static short squawk(String code) {
        if (code == null || code.length() != 4) {
            return NO_SHORT;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '7') {
                return NO_SHORT;
            }
            value = value * 8 + (c - '0');
        }
        return (short) value;
    }
}
