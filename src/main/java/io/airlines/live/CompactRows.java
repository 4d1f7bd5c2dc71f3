package io.airlines.live;

import java.util.Collection;
import java.util.Locale;

import io.airlines.stream.Position;

/**
 * The compact row format of the SSE stream: one array per flight in a fixed field order, lat/lon
 * to 5 decimals, other numbers rounded, written by hand because it is built for 25,000 flights a
 * second.
 */
final class CompactRows {

    static final String FIELDS = "[\"key\",\"lat\",\"lon\",\"altitude\",\"track\",\"speed\",\"verticalRate\",\"callsign\","
            + "\"squawk\",\"airline\",\"origin\",\"destination\",\"onGround\",\"source\",\"registration\",\"aircraftType\"]";

    private CompactRows() {
    }

    static String message(long time, int total, Collection<Position> rows, Collection<String> removed) {
        StringBuilder b = new StringBuilder(64 + rows.size() * 110);
        b.append("{\"time\":").append(time).append(",\"total\":").append(total).append(",\"fields\":").append(FIELDS)
                .append(",\"rows\":[");
        boolean first = true;
        for (Position p : rows) {
            if (!first) {
                b.append(',');
            }
            first = false;
            row(b, p);
        }
        b.append("],\"removed\":[");
        first = true;
        for (String key : removed) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, key);
        }
        return b.append("]}").toString();
    }

    static void row(StringBuilder b, Position p) {
        b.append('[');
        string(b, p.key());
        b.append(',').append(fixed5(p.lat())).append(',').append(fixed5(p.lon())).append(',');
        integer(b, p.altitude());
        b.append(',');
        decimal1(b, p.track());
        b.append(',');
        integer(b, p.speed());
        b.append(',');
        decimal1(b, p.verticalRate());
        b.append(',');
        string(b, p.callsign());
        b.append(',');
        string(b, p.squawk());
        b.append(',');
        string(b, p.airline());
        b.append(',');
        string(b, p.origin());
        b.append(',');
        string(b, p.destination());
        b.append(',').append(Boolean.TRUE.equals(p.onGround()) ? 1 : 0).append(',');
        string(b, p.source());
        b.append(',');
        string(b, p.registration());
        b.append(',');
        string(b, p.aircraftType());
        b.append(']');
    }

    private static String fixed5(Double v) {
        return v == null ? "null" : String.format(Locale.ROOT, "%.5f", v);
    }

    private static void integer(StringBuilder b, Double v) {
        if (v == null) {
            b.append("null");
        } else {
            b.append(Math.round(v));
        }
    }

    private static void decimal1(StringBuilder b, Double v) {
        if (v == null) {
            b.append("null");
        } else {
            b.append(Math.round(v * 10) / 10.0);
        }
    }

    static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
