package io.airlines.ingest;

import java.util.Locale;

/**
 * One parsed SBS-1 (BaseStation, port 30003) {@code MSG} line, in the units of the format: altitude
 * ft, ground speed kt, vertical rate ft/min. Fields the line does not carry are null.
 */
record SbsMessage(int type, String hex, String callsign, Double altitudeFt, Double speedKt, Double track,
                  Double lat, Double lon, Double verticalRateFtMin, String squawk, Boolean onGround) {

    /** Parses a line, or returns null when it is not a well-formed MSG line (the caller counts those). */
    static SbsMessage parse(String line) {
        if (line == null || !line.startsWith("MSG,")) {
            return null;
        }
        String[] f = line.split(",", -1);
        if (f.length < 22) {
            return null;
        }
        try {
            int type = Integer.parseInt(f[1].trim());
            String hex = f[4].trim().toLowerCase(Locale.ROOT);
            if (type < 1 || type > 8 || !hex.matches("[0-9a-f]{6}")) {
                return null;
            }
            return new SbsMessage(type, hex, text(f[10]), number(f[11]), number(f[12]), number(f[13]), number(f[14]),
                    number(f[15]), number(f[16]), text(f[17]), flag(f[21]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static Double number(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : Double.parseDouble(t);
    }

    private static Boolean flag(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : !t.equals("0");
    }
}
