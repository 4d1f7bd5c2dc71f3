package io.airlines.stream;

import java.util.Locale;

/**
 * The validation rules of the pipeline, as a pure function of the candidate, the flight's previous
 * accepted position and the clock.
 */
public final class PositionRules {

    public static final double MAX_IMPLIED_KMH = 1500;
    static final long MAX_FUTURE_MS = 5 * 60_000;

    private PositionRules() {
    }

    public enum Outcome { ACCEPT, FLAG_JUMP, DUPLICATE, REJECT }

    public record Verdict(Outcome outcome, String reason) {
        static final Verdict ACCEPTED = new Verdict(Outcome.ACCEPT, null);
        static final Verdict DUPLICATE = new Verdict(Outcome.DUPLICATE, "duplicate");

        static Verdict reject(String reason) {
            return new Verdict(Outcome.REJECT, reason);
        }

        public boolean kept() {
            return outcome == Outcome.ACCEPT || outcome == Outcome.FLAG_JUMP;
        }
    }

    /** 1 to 16 chars of {@code [A-Za-z0-9_-]}, checked by hand: a regular expression made a matcher per record. */
    static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > 16) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static Verdict check(Position p, Position previous, long now) {
        if (!validKey(p.key())) {
            return Verdict.reject("field 'key' must be 1-16 characters of [A-Za-z0-9_-]");
        }
        String range = rangeProblem(p);
        if (range != null) {
            return Verdict.reject(range);
        }
        if (p.time() > now + MAX_FUTURE_MS) {
            return Verdict.reject("field 'time' is more than 5 minutes in the future");
        }
        if (previous == null) {
            return Verdict.ACCEPTED;
        }
        if (previous.time() == p.time()) {
            return Verdict.DUPLICATE;
        }
        double kmh = impliedSpeedKmh(previous, p);
        if (kmh > MAX_IMPLIED_KMH) {
            String reason = String.format(Locale.ROOT, "jump: %.0f km/h implied since the previous position", kmh);
            return receiver(p.source()) ? Verdict.reject(reason) : new Verdict(Outcome.FLAG_JUMP, reason);
        }
        return Verdict.ACCEPTED;
    }

    static String rangeProblem(Position p) {
        if (!within(p.lat(), -90, 90)) {
            return "field 'lat' must be in [-90, 90]";
        }
        if (!within(p.lon(), -180, 180)) {
            return "field 'lon' must be in [-180, 180]";
        }
        if (p.altitude() != null && !within(p.altitude(), -500, 20000)) {
            return "field 'altitude' must be in [-500, 20000] m";
        }
        if (p.speed() != null && !within(p.speed(), 0, 1500)) {
            return "field 'speed' must be in [0, 1500] km/h";
        }
        if (p.track() != null && !within(p.track(), 0, 360)) {
            return "field 'track' must be in [0, 360]";
        }
        return null;
    }

    public static double impliedSpeedKmh(Position a, Position b) {
        double hours = Math.abs(b.time() - a.time()) / 3_600_000.0;
        double km = Geo.distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
        // Within a second, position noise dominates: judge over one second at least.
        return km / Math.max(hours, 1 / 3600.0);
    }

    static boolean receiver(String source) {
        return Position.SBS.equals(source) || Position.OPENSKY.equals(source);
    }

    private static boolean within(Double v, double min, double max) {
        return v != null && !v.isNaN() && v >= min && v <= max;
    }
}
