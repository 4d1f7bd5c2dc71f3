package io.airlines.live;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

import io.airlines.stream.Position;

/**
 * The compact row format of the SSE stream: one array per flight in a fixed field order, lat/lon
 * to 5 decimals, other numbers rounded, written by hand because it is built for 25,000 flights a
 * second.
 */
final class CompactRows {

    static final String FIELDS = "[\"key\",\"lat\",\"lon\",\"altitude\",\"track\",\"speed\",\"verticalRate\",\"callsign\","
            + "\"squawk\",\"airline\",\"origin\",\"destination\",\"onGround\",\"source\",\"registration\",\"aircraftType\"]";

    /** Largest magnitude whose product by 1e5 has an exact fractional part, so the tie test in scaled5 is exact. */
    private static final double EXACT_LIMIT = 1e9;

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
        b.append(',');
        fixed5(b, p.lat());
        b.append(',');
        fixed5(b, p.lon());
        b.append(',');
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

    /** The exact value of {@code v} to 5 decimals, half away from zero; no sign on a zero; null when unknown. */
    static void fixed5(StringBuilder b, Double v) {
        if (v == null || !Double.isFinite(v)) {
            b.append("null");
            return;
        }
        long q = scaled5(v);
        if (q < 0) {
            b.append('-');
        }
        long a = Math.abs(q);
        b.append(a / 100_000).append('.');
        long decimals = a % 100_000;
        for (long digit = 10_000; digit > decimals && digit > 1; digit /= 10) {
            b.append('0');
        }
        b.append(decimals);
    }

    /**
     * {@code v} in units of 1e-5, rounded as {@link BigDecimal} rounds its exact value half away
     * from zero, without building one: the product's rounding error comes back exactly from a fused
     * multiply-add, and only decides a product that lands on a half.
     */
    static long scaled5(double v) {
        double a = Math.abs(v);
        if (a >= EXACT_LIMIT) {
            return new BigDecimal(v).setScale(5, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        }
        double product = a * 1e5;
        double error = Math.fma(a, 1e5, -product);
        double floor = Math.floor(product);
        double fraction = product - floor;
        long q = (long) floor;
        if (fraction > 0.5 || fraction == 0.5 && error >= 0) {
            q++;
        }
        return v < 0 ? -q : q;
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
