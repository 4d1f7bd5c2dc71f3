package io.airlines.alert;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Positions of a test aircraft at Hamburg (HAM), as an ADS-B producer would send them. */
final class Flights {

    static final double HAM_LAT = 53.6304;
    static final double HAM_LON = 9.9882;

    private Flights() {
    }

    /** Numbers below 100, which no timetable gives (theirs start at 100), in two halves of this many. */
    private static final int HALF = 45;
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(HALF));

    /**
     * A Lufthansa flight number that neither the timetable nor the simulator flies, so only the test's
     * aircraft raises its alerts (no simulated landing, no delay predicted from a timetable), and that
     * no other test of the run uses: {@code LH10} to {@code LH54}.
     */
    static String flightNumber() {
        return "LH" + (10 + NEXT.getAndIncrement() % HALF);
    }

    /** Another such number, paired with {@code number}: {@code LH55} to {@code LH99}. */
    static String pairedWith(String number) {
        return "LH" + (Integer.parseInt(number.substring(2)) + HALF);
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
