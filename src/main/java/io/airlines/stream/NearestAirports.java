package io.airlines.stream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The airport nearest to a point, within a radius, from a grid of one-degree cells over the
 * airports with coordinates: a lookup reads the few cells the radius touches instead of every
 * airport, so it can run for every takeoff and landing of world-scale traffic.
 */
final class NearestAirports {

    private static final double CELL_DEGREES = 1.0;
    /** Kilometres in one degree of latitude. */
    private static final double KM_PER_DEGREE = 111.2;

    private final Map<Long, List<ReferenceData.Airport>> cells = new HashMap<>();

    NearestAirports(Collection<ReferenceData.Airport> airports) {
        for (ReferenceData.Airport a : airports) {
            cells.computeIfAbsent(cell(row(a.lat()), column(a.lon())), k -> new ArrayList<>()).add(a);
        }
    }

    /** The nearest airport at most {@code withinKm} away, or null. */
    ReferenceData.Airport nearest(double lat, double lon, double withinKm) {
        int rows = (int) Math.ceil(withinKm / KM_PER_DEGREE / CELL_DEGREES);
        // Longitude degrees shrink towards the poles; near them every column is in reach.
        double cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + rows * CELL_DEGREES)));
        int columns = (int) Math.min(180, Math.ceil(withinKm / (KM_PER_DEGREE * cos) / CELL_DEGREES));
        int row = row(lat);
        int column = column(lon);
        ReferenceData.Airport best = null;
        double bestKm = withinKm;
        for (int r = row - rows; r <= row + rows; r++) {
            for (int c = column - columns; c <= column + columns; c++) {
                List<ReferenceData.Airport> in = cells.get(cell(r, Math.floorMod(c, 360)));
                if (in == null) {
                    continue;
                }
                for (ReferenceData.Airport a : in) {
                    double km = Geo.distanceKm(lat, lon, a.lat(), a.lon());
                    if (km <= bestKm) {
                        best = a;
                        bestKm = km;
                    }
                }
            }
        }
        return best;
    }

    private static int row(double lat) {
        return (int) Math.floor((lat + 90) / CELL_DEGREES);
    }

    private static int column(double lon) {
        return Math.floorMod((int) Math.floor((lon + 180) / CELL_DEGREES), 360);
    }

    private static long cell(int row, int column) {
        return (long) row * 1000 + column;
    }
}
