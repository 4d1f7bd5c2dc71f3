package io.airlines.alert;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Positions of a test aircraft at Hamburg (HAM), as an ADS-B producer would send them. */
final class Flights {

    static final double HAM_LAT = 53.6304;
    static final double HAM_LON = 9.9882;

    private Flights() {
    }

    /** A Lufthansa flight number no simulated aircraft flies at the same time: {@code LH7xxx}. */
    static String flightNumber() {
        return "LH" + (7000 + ThreadLocalRandom.current().nextInt(1000));
    }

    static String airborne(String key, String flightNumber, long time) {
        return position(key, flightNumber, time, 300, 260, -4, "1000", false);
    }

    /** Airborne, its transponder set to an emergency code. */
    static String squawking(String key, String flightNumber, long time, String squawk) {
        return position(key, flightNumber, time, 300, 260, -4, squawk, false);
    }

    static String onGround(String key, String flightNumber, long time) {
        return position(key, flightNumber, time, 0, 30, 0, "1000", true);
    }

    private static String position(String key, String flightNumber, long time, double altitude, double speed,
                                   double verticalRate, String squawk, boolean onGround) {
        return String.format(Locale.ROOT,
                "{\"key\":\"%s\",\"callsign\":\"D%s\",\"lat\":%.4f,\"lon\":%.4f,\"altitude\":%.1f,\"speed\":%.1f,"
                        + "\"track\":230,\"verticalRate\":%.1f,\"squawk\":\"%s\",\"onGround\":%s,\"source\":\"http\",\"time\":%d}",
                key, flightNumber, HAM_LAT, HAM_LON, altitude, speed, verticalRate, squawk, onGround, time);
    }
}
