package io.airlines.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.airlines.stream.Position;
import tools.jackson.databind.JsonNode;

/**
 * Reads an OpenSky {@code /api/states/all} answer: {@code states} is an array of arrays
 * (icao24, callsign, origin_country, time_position, last_contact, longitude, latitude,
 * baro_altitude, on_ground, velocity, true_track, vertical_rate, sensors, geo_altitude, squawk,
 * spi, position_source), any of which may be null. States without a position are skipped.
 */
final class OpenSkyStates {

    private OpenSkyStates() {
    }

    static List<Position> parse(JsonNode root) {
        List<Position> out = new ArrayList<>();
        JsonNode states = root.path("states");
        if (!states.isArray()) {
            return out;
        }
        for (JsonNode s : states) {
            if (!s.isArray() || s.size() < 12) {
                continue;
            }
            String icao = text(s.get(0));
            Double lon = number(s.get(5));
            Double lat = number(s.get(6));
            if (icao == null || lat == null || lon == null) {
                continue;
            }
            Double time = number(s.get(3));
            if (time == null) {
                time = number(s.get(4));
            }
            if (time == null) {
                continue;
            }
            Double altitude = number(s.get(7));
            if (altitude == null && s.size() > 13) {
                altitude = number(s.get(13));
            }
            Double velocity = number(s.get(9));
            String callsign = text(s.get(1));
            out.add(Position.observed(icao.toLowerCase(Locale.ROOT), callsign, lat, lon, altitude,
                    velocity == null ? null : velocity * 3.6, number(s.get(10)), number(s.get(11)),
                    s.size() > 14 ? text(s.get(14)) : null, s.get(8) != null && s.get(8).isBoolean() ? s.get(8).asBoolean() : null,
                    Position.OPENSKY, (long) (time * 1000)));
        }
        return out;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        String t = n.asString().trim();
        return t.isEmpty() ? null : t;
    }

    private static Double number(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asDouble();
    }
}
