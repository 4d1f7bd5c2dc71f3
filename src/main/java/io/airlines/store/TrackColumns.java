package io.airlines.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;

/**
 * How a segment document holds its points: one array per field under {@code points}, the i-th
 * entry of each being the i-th point ({@code points: {t: [...], lat: [...], ...}}, null where a
 * point has no value), as MongoDB's own time-series buckets keep their measurements. One array of
 * a document per point cost the store a map, its keys and a lookup per field of every point, each
 * time it decoded, copied, measured or encoded a segment: that was most of its work and most of
 * its heap. Segments written before hold {@code points: [{t, lat, ...}, ...]}; both are read.
 */
public final class TrackColumns {

    static final String POINTS = "points";

    /** A field of the stored point, its column name and how it is read back. */
    private record Column(String name, Function<TrackPoint, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("t", TrackPoint::time),
            new Column("lat", TrackPoint::lat),
            new Column("lon", TrackPoint::lon),
            new Column("alt", TrackPoint::altitude),
            new Column("spd", TrackPoint::speed),
            new Column("trk", TrackPoint::track),
            new Column("vr", TrackPoint::verticalRate),
            new Column("sq", TrackPoint::squawk),
            new Column("gnd", TrackPoint::onGround));

    private TrackColumns() {
    }

    /** The {@code points} value of a new segment holding {@code points}, in their order. */
    static Document of(Collection<TrackPoint> points) {
        Document columns = new Document();
        for (Column c : COLUMNS) {
            columns.append(c.name(), column(points, c));
        }
        return columns;
    }

    /**
     * The {@code $push} that appends {@code points} to every column of a segment, keeping the
     * columns aligned (a column is pushed a null rather than left out).
     */
    static Document push(Collection<TrackPoint> points) {
        Document push = new Document();
        for (Column c : COLUMNS) {
            push.append(POINTS + "." + c.name(), new Document("$each", column(points, c)));
        }
        return push;
    }

    private static List<Object> column(Collection<TrackPoint> points, Column c) {
        List<Object> values = new ArrayList<>(points.size());
        for (TrackPoint p : points) {
            values.add(c.value().apply(p));
        }
        return values;
    }

    /** Whether a stored segment keeps a document per point (written before columns): it takes no appends. */
    static boolean rowsOf(Document segment) {
        return segment.get(POINTS) instanceof List<?>;
    }

    /** The times a stored segment holds, in stored order, whichever way it holds them. */
    public static long[] times(Document segment) {
        Object points = segment.get(POINTS);
        List<?> times = points instanceof Document columns ? list(columns, "t")
                : points instanceof List<?> rows ? rows.stream().map(r -> r instanceof Document d ? d.get("t") : null).toList()
                : List.of();
        long[] out = new long[times.size()];
        int n = 0;
        for (Object t : times) {
            if (t instanceof Number number) {
                out[n++] = number.longValue();
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** The points of a stored segment, in stored order; an entry without time or place is skipped. */
    static List<TrackPoint> points(Document segment) {
        Object points = segment.get(POINTS);
        List<TrackPoint> out = new ArrayList<>();
        if (points instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof Document d && d.get("t") instanceof Number) {
                    out.add(TrackPoint.fromDocument(d));
                }
            }
        } else if (points instanceof Document columns) {
            List<?> t = list(columns, "t");
            List<?> lat = list(columns, "lat");
            List<?> lon = list(columns, "lon");
            List<?> alt = list(columns, "alt");
            List<?> spd = list(columns, "spd");
            List<?> trk = list(columns, "trk");
            List<?> vr = list(columns, "vr");
            List<?> sq = list(columns, "sq");
            List<?> gnd = list(columns, "gnd");
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i) instanceof Number time && at(lat, i) instanceof Number la && at(lon, i) instanceof Number lo) {
                    out.add(new TrackPoint(time.longValue(), la.doubleValue(), lo.doubleValue(), number(alt, i),
                            number(spd, i), number(trk, i), number(vr, i),
                            at(sq, i) instanceof String s ? s : null, Boolean.TRUE.equals(at(gnd, i))));
                }
            }
        }
        return out;
    }

    private static List<?> list(Document columns, String name) {
        return columns.get(name) instanceof List<?> l ? l : List.of();
    }

    private static Object at(List<?> column, int i) {
        return i < column.size() ? column.get(i) : null;
    }

    private static Double number(List<?> column, int i) {
        return at(column, i) instanceof Number n ? n.doubleValue() : null;
    }
}
