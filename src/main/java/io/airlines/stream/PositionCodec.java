package io.airlines.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec of positions: encodes the canonical record and decodes any accepted raw
 * format into it, or says precisely why it cannot.
 */
public final class PositionCodec {

    public static final int MAX_BYTES = 64 * 1024;

    private final JsonMapper mapper;

    public PositionCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public static PositionCodec standalone() {
        return new PositionCodec(JsonMapper.builder().build());
    }

    public JsonMapper mapper() {
        return mapper;
    }

    public byte[] encode(Position position) {
        return PositionWire.write(position);
    }

    public byte[] encodeEvent(FlightEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    public FlightEvent decodeEvent(byte[] bytes) {
        return mapper.readValue(bytes, FlightEvent.class);
    }

    /** Decodes a canonical record written by {@link #encode}; trusted input. */
    public Position decode(byte[] bytes) {
        Position fast = PositionWire.read(mapper, bytes);
        return fast != null ? fast : mapper.readValue(bytes, Position.class);
    }

    /**
     * Reads untrusted input. {@code defaultSource} applies when the record names none (the
     * original producer's records are always {@code seed}).
     */
    public Decoded decodeRaw(byte[] bytes, String defaultSource) {
        if (bytes == null || bytes.length == 0) {
            return Decoded.rejected("empty record");
        }
        if (bytes.length > MAX_BYTES) {
            return Decoded.rejected("record of " + bytes.length + " bytes exceeds " + MAX_BYTES);
        }
        int first = firstNonBlank(bytes);
        if (first < 0 || bytes[first] != '{') {
            return Decoded.rejected("not a JSON object");
        }
        Position fast = PositionWire.read(mapper, bytes);
        if (fast != null) {
            // Same outcome as the careful path below for a well-formed canonical record.
            return Decoded.of(normalized(fast, fast.source() == null ? defaultSource : fast.source()));
        }
        WireRecord wire;
        try {
            wire = mapper.readValue(bytes, WireRecord.class);
        } catch (DatabindException e) {
            return Decoded.rejected("field '" + fieldOf(e) + "' has the wrong type");
        } catch (JacksonException e) {
            return Decoded.rejected("malformed JSON: " + e.getOriginalMessage());
        }
        return wire.seedFormat() ? fromSeed(wire) : fromCanonical(wire, defaultSource);
    }

    private static Decoded fromCanonical(WireRecord w, String defaultSource) {
        if (w.key() == null) {
            return Decoded.rejected("field 'key' is missing");
        }
        if (w.lat() == null || w.lon() == null) {
            return Decoded.rejected("field '" + (w.lat() == null ? "lat" : "lon") + "' is missing");
        }
        Long time = parseTime(w.time());
        if (time == null) {
            return Decoded.rejected("field 'time' is missing or not a time");
        }
        String source = w.source() == null ? defaultSource : w.source();
        Position p = new Position(w.key(), blankToNull(w.callsign()), blankToNull(w.flightNumber()),
                blankToNull(w.airline()), null, blankToNull(w.origin()), blankToNull(w.destination()),
                w.lat(), w.lon(), w.altitude(), w.speed(), w.track(), w.verticalRate(), blankToNull(w.squawk()),
                w.onGround(), null, null, null, null, source, time, null, null, blankToNull(w.registration()),
                blankToNull(w.aircraftType()), null);
        return Decoded.of(p);
    }

    private static Decoded fromSeed(WireRecord w) {
        Double lat = w.location() != null ? w.location().latitude() : w.latitude();
        Double lon = w.location() != null ? w.location().longitude() : w.longitude();
        if (lat == null || lon == null) {
            return Decoded.rejected("field 'location." + (lat == null ? "latitude" : "longitude") + "' is missing");
        }
        Long time = parseTime(w.timestamp());
        if (time == null) {
            return Decoded.rejected("field 'timestamp' is missing or not a time");
        }
        Position p = new Position(w.flightId(), null, w.flightId(), null, blankToNull(w.airlineName()),
                blankToNull(w.departureAirport()), blankToNull(w.arrivalAirport()), lat, lon, w.altitude(),
                w.speed(), null, null, null, null, null, null, null, null, Position.SEED, time, null, null, null, null,
                null);
        return Decoded.of(p);
    }

    /** A raw record carries observations only: enrichment and receipt are the pipeline's to set. */
    private static Position normalized(Position p, String source) {
        return new Position(p.key(), blankToNull(p.callsign()), blankToNull(p.flightNumber()), blankToNull(p.airline()),
                null, blankToNull(p.origin()), blankToNull(p.destination()), p.lat(), p.lon(), p.altitude(), p.speed(),
                p.track(), p.verticalRate(), blankToNull(p.squawk()), p.onGround(), null, null, null, null, source,
                p.time(), null, null, blankToNull(p.registration()), blankToNull(p.aircraftType()), null);
    }

    /** Epoch milliseconds, an ISO instant with offset, or a naive ISO local time taken as UTC. */
    static Long parseTime(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (!(value instanceof String s) || s.isBlank()) {
            return null;
        }
        try {
            if (s.endsWith("Z") || s.lastIndexOf('+') > 9 || s.lastIndexOf('-') > 9) {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String fieldOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
        }
        return path.isEmpty() ? "?" : path.toString();
    }

    private static int firstNonBlank(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return i;
            }
        }
        return -1;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A decoded position, or the reason it could not be decoded. */
    public record Decoded(Position position, String reason) {
        static Decoded of(Position p) {
            return new Decoded(p, null);
        }

        static Decoded rejected(String reason) {
            return new Decoded(null, reason);
        }

        public boolean ok() {
            return position != null;
        }
    }
}
