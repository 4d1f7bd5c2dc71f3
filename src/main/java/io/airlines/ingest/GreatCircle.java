package io.airlines.ingest;

import io.airlines.stream.Geo;

/**
 * The great circle between two points with its trigonometry done once, so that a point along it
 * and the track there cost two sines and three arc tangents: the simulator asks for one per
 * aircraft and second. Agrees with {@link Geo#intermediate} and {@link Geo#bearing}.
 */
final class GreatCircle {

    /** Where along the circle: latitude, longitude and the track towards the end, degrees. */
    record Point(double lat, double lon, double track) {
    }

    private final double x1;
    private final double y1;
    private final double z1;
    private final double x2;
    private final double y2;
    private final double z2;
    private final double sinLon2;
    private final double cosLon2;
    private final double sinLat2;
    private final double cosLat2;
    private final double angle;
    private final double sinAngle;
    private final double finalTrack;
    private final double endLat;
    private final double endLon;

    GreatCircle(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double l1 = Math.toRadians(lon1);
        double p2 = Math.toRadians(lat2);
        double l2 = Math.toRadians(lon2);
        x1 = Math.cos(p1) * Math.cos(l1);
        y1 = Math.cos(p1) * Math.sin(l1);
        z1 = Math.sin(p1);
        x2 = Math.cos(p2) * Math.cos(l2);
        y2 = Math.cos(p2) * Math.sin(l2);
        z2 = Math.sin(p2);
        sinLon2 = Math.sin(l2);
        cosLon2 = Math.cos(l2);
        sinLat2 = z2;
        cosLat2 = Math.cos(p2);
        angle = Geo.distanceKm(lat1, lon1, lat2, lon2) / Geo.EARTH_RADIUS_KM;
        sinAngle = Math.sin(angle);
        endLat = lat2;
        endLon = lon2;
        finalTrack = angle < 1e-9 ? Geo.bearing(lat1, lon1, lat2, lon2) : along(0.999).track();
    }

    /** The point at {@code fraction} (0 to 1) of the way; at the very end, on the final course. */
    Point point(double fraction) {
        if (angle < 1e-9 || fraction >= 1) {
            return new Point(endLat, endLon, finalTrack);
        }
        Point p = along(fraction);
        return fraction >= 0.999 ? new Point(p.lat(), p.lon(), finalTrack) : p;
    }

    private Point along(double fraction) {
        double a = Math.sin((1 - fraction) * angle) / sinAngle;
        double b = Math.sin(fraction * angle) / sinAngle;
        double x = a * x1 + b * x2;
        double y = a * y1 + b * y2;
        double z = a * z1 + b * z2;
        double r = Math.sqrt(x * x + y * y);
        double lat = Math.toDegrees(Math.atan2(z, r));
        double lon = Math.toDegrees(Math.atan2(y, x));
        // Bearing from here to the end, from the unit vectors: cos and sin of this point's longitude are x/r and y/r.
        double sinDl = (sinLon2 * x - cosLon2 * y) / r;
        double cosDl = (cosLon2 * x + sinLon2 * y) / r;
        double ty = sinDl * cosLat2;
        double tx = r * sinLat2 - z * cosLat2 * cosDl;
        return new Point(lat, lon, (Math.toDegrees(Math.atan2(ty, tx)) + 360) % 360);
    }
}
