package io.airlines.live;

import java.util.Locale;
import java.util.function.Predicate;

import io.airlines.stream.Position;
import io.airlines.api.BadRequestException;

/** The query of {@code GET /api/v1/live}, parsed and checked, as a predicate on flight states. */
record LiveFilter(double[] bbox, String airline, Double minAlt, Double maxAlt, String callsign, String route,
                  String source) implements Predicate<Position> {

    static LiveFilter parse(String bbox, String airline, Double minAlt, Double maxAlt, String callsign, String route,
                            String source) {
        double[] box = null;
        if (bbox != null && !bbox.isBlank()) {
            String[] parts = bbox.split(",");
            if (parts.length != 4) {
                throw new BadRequestException("bbox", "bbox must be minLon,minLat,maxLon,maxLat");
            }
            box = new double[4];
            try {
                for (int i = 0; i < 4; i++) {
                    box[i] = Double.parseDouble(parts[i].trim());
                }
            } catch (NumberFormatException e) {
                throw new BadRequestException("bbox", "bbox must be four numbers: minLon,minLat,maxLon,maxLat");
            }
            if (box[1] > box[3] || Math.abs(box[0]) > 180 || Math.abs(box[2]) > 180 || Math.abs(box[1]) > 90 || Math.abs(box[3]) > 90) {
                throw new BadRequestException("bbox", "bbox must be minLon,minLat,maxLon,maxLat within [-180,180] x [-90,90]");
            }
        }
        if (minAlt != null && maxAlt != null && minAlt > maxAlt) {
            throw new BadRequestException("minAlt", "minAlt must not exceed maxAlt");
        }
        return new LiveFilter(box, upper(airline), minAlt, maxAlt, upper(callsign), upper(route),
                source == null || source.isBlank() ? null : source.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean test(Position p) {
        if (bbox != null && !inBox(p)) {
            return false;
        }
        if (airline != null && !airline.equalsIgnoreCase(p.airline())) {
            return false;
        }
        if (minAlt != null && (p.altitude() == null || p.altitude() < minAlt)) {
            return false;
        }
        if (maxAlt != null && (p.altitude() == null || p.altitude() > maxAlt)) {
            return false;
        }
        if (callsign != null && (p.callsign() == null || !p.callsign().toUpperCase(Locale.ROOT).startsWith(callsign))) {
            return false;
        }
        if (route != null && !route.equalsIgnoreCase(p.origin()) && !route.equalsIgnoreCase(p.destination())) {
            return false;
        }
        return source == null || source.equals(p.source());
    }

    private boolean inBox(Position p) {
        boolean latOk = p.lat() >= bbox[1] && p.lat() <= bbox[3];
        // A box crossing the antimeridian has minLon > maxLon.
        boolean lonOk = bbox[0] <= bbox[2] ? p.lon() >= bbox[0] && p.lon() <= bbox[2] : p.lon() >= bbox[0] || p.lon() <= bbox[2];
        return latOk && lonOk;
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
