package io.airlines.stream;

/**
 * One {@link Double} per value for the numbers positions repeat: altitudes and vertical rates are
 * whole numbers, speeds, headings and distances have a tenth at most, and most stay the same from
 * one record to the next (a cruise, a climb rate, an aircraft on the ground). Each reader of a
 * position used to box seven doubles of its own; those it keeps until the aircraft's next record
 * outlived the young collections at world scale and filled the old generation. Latitudes and
 * longitudes (five decimals, new every second) are still boxed each time. Entries are made on first
 * use; two threads making one at once make two equal ones, which is harmless.
 */
final class SharedNumbers {

    /** Whole values from {@code -WHOLE_LIMIT} up to it: altitudes, vertical rates. */
    static final int WHOLE_LIMIT = 70_000;
    /** Tenths from {@code -TENTHS_LIMIT} up to it: speeds, headings, distances up to 20,000 km. */
    static final int TENTHS_LIMIT = 200_000;

    private static final Double[] WHOLE = new Double[2 * WHOLE_LIMIT];
    private static final Double[] TENTHS = new Double[2 * TENTHS_LIMIT];

    private SharedNumbers() {
    }

    /**
     * The value {@code mantissa / 10^fraction}, negated when {@code negative}, as read from its
     * decimal digits: shared when it is a whole number or has one decimal within the limits, else
     * {@code value} boxed.
     */
    static Double of(boolean negative, long mantissa, int fraction, double value) {
        if (fraction == 1 && mantissa % 10 == 0) {
            mantissa /= 10;
            fraction = 0;
        }
        if (fraction == 0 && mantissa < WHOLE_LIMIT && (mantissa != 0 || !negative)) {
            return shared(WHOLE, (int) (negative ? WHOLE_LIMIT - mantissa : WHOLE_LIMIT + mantissa), value);
        }
        if (fraction == 1 && mantissa < TENTHS_LIMIT) {
            return shared(TENTHS, (int) (negative ? TENTHS_LIMIT - mantissa : TENTHS_LIMIT + mantissa), value);
        }
        return value;
    }

    private static Double shared(Double[] table, int slot, double value) {
        Double held = table[slot];
        if (held == null) {
            held = value;
            table[slot] = held;
        }
        return held;
    }
}
