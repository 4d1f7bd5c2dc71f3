package io.airlines.schedule;

import java.util.List;

/**
 * Departure times, aircraft and flight numbers of the demo timetable, as airlines plan them:
 * short and medium hauls leave their base in the hub waves of the day, long hauls east in the
 * evening (a red-eye landing in the morning) and west in the late morning; the aircraft flies
 * back once turned around (a long haul in the next slot of its direction, a short haul not at
 * night); aircraft grow with distance.
 */
final class DemoSchedule {

    /** Local minutes of day at which the waves of short and medium hauls start (07:00 to 20:30). */
    static final List<Integer> WAVES = List.of(7 * 60, 9 * 60 + 30, 12 * 60 + 30, 15 * 60 + 30, 18 * 60, 20 * 60 + 30);
    /** Long hauls eastbound: 17:30, 20:00, 22:00 — overnight, landing in the morning. */
    static final List<Integer> EASTBOUND_LONG_HAUL = List.of(17 * 60 + 30, 20 * 60, 22 * 60);
    /** Long hauls westbound: 09:00, 11:30, 14:00 — landing the same day with the clocks behind. */
    static final List<Integer> WESTBOUND_LONG_HAUL = List.of(9 * 60, 11 * 60 + 30, 14 * 60);
    static final double LONG_HAUL_KM = 4000;

    private static final int WAVE_MINUTES = 80;
    private static final int STEP = 5;
    private static final int SHORT_HAUL_TURN = 45;
    private static final int LONG_HAUL_TURN = 100;
    private static final int FIRST_DEPARTURE = 6 * 60;
    private static final int LAST_SHORT_HAUL_DEPARTURE = 21 * 60 + 55;
    private static final int DAY = 24 * 60;

    private DemoSchedule() {
    }

    /** Local departure minute of flight {@code index} of {@code count} a carrier flies a day on a route. */
    static int departureMinute(DemoAirport from, DemoAirport to, double km, int index, int count, int hash) {
        List<Integer> waves = km < LONG_HAUL_KM ? WAVES : eastbound(from, to) ? EASTBOUND_LONG_HAUL : WESTBOUND_LONG_HAUL;
        double shift = (hash & 0xff) / 256.0;
        int wave = Math.min(waves.size() - 1, (int) ((index + shift) * waves.size() / count));
        int offset = Math.floorMod((hash >>> 8) + index * 7, WAVE_MINUTES / STEP) * STEP;
        return waves.get(wave) + offset;
    }

    /**
     * Local minute of day at which the aircraft that landed at {@code arrivalMinute} (local, of
     * the day or after) flies back from {@code from} to {@code to} once turned around: a short haul
     * at once by day, else in the morning; a long haul in the next wave of its direction.
     */
    static int returnMinute(DemoAirport from, DemoAirport to, double km, int arrivalMinute) {
        boolean longHaul = km >= LONG_HAUL_KM;
        int ready = Math.floorMod(roundUp(arrivalMinute + (longHaul ? LONG_HAUL_TURN : SHORT_HAUL_TURN)), DAY);
        if (!longHaul) {
            return ready >= FIRST_DEPARTURE && ready <= LAST_SHORT_HAUL_DEPARTURE ? ready : FIRST_DEPARTURE;
        }
        List<Integer> slots = eastbound(from, to) ? EASTBOUND_LONG_HAUL : WESTBOUND_LONG_HAUL;
        for (int slot : slots) {
            if (ready < slot + WAVE_MINUTES) {
                return Math.max(slot, ready);
            }
        }
        return slots.get(0);
    }

    private static int roundUp(int minute) {
        return Math.floorDiv(minute + STEP - 1, STEP) * STEP;
    }

    static boolean eastbound(DemoAirport from, DemoAirport to) {
        double delta = to.lon() - from.lon();
        return delta > 180 ? false : delta > 0 || delta < -180;
    }

    static String aircraft(double km, boolean trunk, int hash) {
        List<String> types = km < 800 ? (trunk ? List.of("319", "320", "32N", "73H") : List.of("E90", "CR9", "DH4", "E95", "E75"))
                : km < 3000 ? List.of("320", "32N", "73H", "321", "319", "7M8")
                : km < 5500 ? List.of("788", "333", "763", "332", "32Q")
                : List.of("359", "77W", "789", "388", "351", "748");
        return types.get(Math.floorMod(hash >>> 3, types.size()));
    }

    /**
     * The first flight number of a carrier's flights on a route: long hauls get three digits, the
     * rest four; the flights count up by two from it, each flight back is the next number.
     */
    static int firstNumber(FlightNumbers numbers, String carrier, double km, int flights, int hash) {
        return km >= LONG_HAUL_KM ? numbers.take(carrier, 100, 900, hash, 2 * flights)
                : numbers.take(carrier, 1000, 9000, hash, 2 * flights);
    }

    static String flightNumber(String carrier, int first, int index) {
        return carrier + (first + 2 * index);
    }

    static String returnFlightNumber(String carrier, int first, int index) {
        return carrier + (first + 2 * index + 1);
    }
}
