package io.airlines.stream;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot path of the codec: canonical positions written by hand and read with the streaming
 * parser, much cheaper than data binding, which matters at 25,000 records a second read three
 * times each. Produces exactly the JSON data binding would (same fields, same order,
 * nulls included), which the codec's tests check.
 */
final class PositionWire {

    /** Shared by every reader thread: the texts of one flight are the same in each consumer. */
    private static final SharedTexts FLIGHT_TEXTS = SharedTexts.forFlights();
    private static final SharedTexts COMMON_TEXTS = SharedTexts.forCommonTexts();
    private static final FlightTextRuns RUNS = new FlightTextRuns();
    private static final ThreadLocal<CanonicalReader> CANONICAL =
            ThreadLocal.withInitial(() -> CanonicalReader.sharing(FLIGHT_TEXTS, COMMON_TEXTS, RUNS));
    /** Each writer thread's buffer: a record costs one array, its own, instead of four (builder, its growth, string, bytes). */
    private static final ThreadLocal<JsonBytes> OUT = ThreadLocal.withInitial(JsonBytes::new);

    private PositionWire() {
    }

    static byte[] write(Position p) {
        JsonBytes b = OUT.get().clear();
        b.ascii('{');
        b.text("key", p.key()).ascii(',');
        b.text("callsign", p.callsign()).ascii(',');
        b.text("flightNumber", p.flightNumber()).ascii(',');
        b.text("airline", p.airline()).ascii(',');
        b.text("airlineName", p.airlineName()).ascii(',');
        b.text("origin", p.origin()).ascii(',');
        b.text("destination", p.destination()).ascii(',');
        b.number("lat", p.lat()).ascii(',');
        b.number("lon", p.lon()).ascii(',');
        b.number("altitude", p.altitude()).ascii(',');
        b.number("speed", p.speed()).ascii(',');
        b.number("track", p.track()).ascii(',');
        b.number("verticalRate", p.verticalRate()).ascii(',');
        b.text("squawk", p.squawk()).ascii(',');
        b.literal("onGround", p.onGround()).ascii(',');
        b.text("phase", p.phase()).ascii(',');
        b.number("distanceToDestinationKm", p.distanceToDestinationKm()).ascii(',');
        b.text("eta", p.eta()).ascii(',');
        b.whole("delayMinutes", p.delayMinutes()).ascii(',');
        b.text("source", p.source()).ascii(',');
        b.whole("time", p.time()).ascii(',');
        b.whole("received", p.received()).ascii(',');
        b.text("flag", p.flag()).ascii(',');
        b.text("registration", p.registration()).ascii(',');
        b.text("aircraftType", p.aircraftType()).ascii(',');
        b.text("country", p.country());
        return b.ascii('}').toArray();
    }

    /**
     * Reads a canonical record; null when the input needs the careful path (another format, a
     * value of an unexpected type, a required field missing), which then explains the problem.
     */
    static Position read(JsonMapper mapper, byte[] bytes) {
        Position canonical = CANONICAL.get().read(bytes);
        return canonical != null ? canonical : parse(mapper, bytes);
    }

    private static Position parse(JsonMapper mapper, byte[] bytes) {
        String key = null, callsign = null, flightNumber = null, airline = null, airlineName = null, origin = null,
                destination = null, squawk = null, phase = null, eta = null, source = null, flag = null,
                registration = null, aircraftType = null, country = null;
        Double lat = null, lon = null, altitude = null, speed = null, track = null, verticalRate = null, distance = null;
        Boolean onGround = null;
        Integer delay = null;
        Long time = null, received = null;
        try (JsonParser p = mapper.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    return null;
                }
                switch (name) {
                    case "key" -> key = text(name, p, t);
                    case "callsign" -> callsign = text(name, p, t);
                    case "flightNumber" -> flightNumber = text(name, p, t);
                    case "airline" -> airline = text(name, p, t);
                    case "airlineName" -> airlineName = text(name, p, t);
                    case "origin" -> origin = text(name, p, t);
                    case "destination" -> destination = text(name, p, t);
                    case "squawk" -> squawk = text(name, p, t);
                    case "phase" -> phase = text(name, p, t);
                    case "eta" -> eta = text(name, p, t);
                    case "source" -> source = text(name, p, t);
                    case "flag" -> flag = text(name, p, t);
                    case "registration" -> registration = text(name, p, t);
                    case "aircraftType" -> aircraftType = text(name, p, t);
                    case "country" -> country = text(name, p, t);
                    case "lat" -> lat = number(p, t);
                    case "lon" -> lon = number(p, t);
                    case "altitude" -> altitude = number(p, t);
                    case "speed" -> speed = number(p, t);
                    case "track" -> track = number(p, t);
                    case "verticalRate" -> verticalRate = number(p, t);
                    case "distanceToDestinationKm" -> distance = number(p, t);
                    case "onGround" -> {
                        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                            return null;
                        }
                        onGround = t == JsonToken.VALUE_TRUE;
                    }
                    case "delayMinutes" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT) {
                            return null;
                        }
                        delay = p.getIntValue();
                    }
                    case "time" -> time = t == JsonToken.VALUE_NUMBER_INT ? Long.valueOf(p.getLongValue())
                            : t == JsonToken.VALUE_STRING ? PositionCodec.parseTime(p.getString()) : null;
                    case "received" -> received = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "flight_id", "location", "timestamp" -> {
                        return null;
                    }
                    default -> {
                        // unknown fields are ignored, as by data binding
                    }
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        if (key == null || lat == null || lon == null || time == null) {
            return null;
        }
        return new Position(key, callsign, flightNumber, airline, airlineName, origin, destination, lat, lon, altitude,
                speed, track, verticalRate, squawk, onGround, phase, distance, eta, delay, source, time, received, flag,
                registration, aircraftType, country);
    }

    /** A text, from the table {@link CanonicalReader#tableOf} gives its field, as the canonical reader has it. */
    private static String text(String field, JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("not a string");
        }
        SharedTexts table = CanonicalReader.tableOf(field, FLIGHT_TEXTS, COMMON_TEXTS);
        return table == null ? p.getString() : table.of(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
    }

    private static Double number(JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IllegalArgumentException("not a number");
        }
        return p.getDoubleValue();
    }
}
