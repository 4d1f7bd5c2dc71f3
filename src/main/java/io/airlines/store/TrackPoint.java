package io.airlines.store;

import io.airlines.stream.Position;
import org.bson.Document;

/** One stored point of a track: short field names because there are billions of them ({@link TrackBson} writes them). */
record TrackPoint(long time, double lat, double lon, Double altitude, Double speed, Double track,
                  Double verticalRate, String squawk, boolean onGround) {

    static TrackPoint of(Position p) {
        return new TrackPoint(p.time(), p.lat(), p.lon(), p.altitude(), p.speed(), p.track(), p.verticalRate(),
                p.squawk(), Boolean.TRUE.equals(p.onGround()));
    }

    static TrackPoint fromDocument(Document d) {
        return new TrackPoint(((Number) d.get("t")).longValue(), num(d, "lat"), num(d, "lon"), num(d, "alt"),
                num(d, "spd"), num(d, "trk"), num(d, "vr"), d.getString("sq"), Boolean.TRUE.equals(d.getBoolean("gnd")));
    }

    private static Double num(Document d, String name) {
        Object v = d.get(name);
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
