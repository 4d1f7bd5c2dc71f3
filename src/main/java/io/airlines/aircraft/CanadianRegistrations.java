package io.airlines.aircraft;

import java.util.Optional;

/**
 * Canadian registrations C-Fxxx and C-Gxxx, which Transport Canada maps to addresses in order:
 * C00001 is C-FAAA, the suffix counting through A-Z in each of its three letters, and C-GAAA follows
 * C-FZZZ.
 */
final class CanadianRegistrations {

    private static final int FIRST = 0xC00001;
    private static final int LETTERS = 26;
    private static final int PER_SERIES = LETTERS * LETTERS * LETTERS;
    private static final String SERIES = "FG";

    private CanadianRegistrations() {
    }

    static Optional<String> registrationOf(int address) {
        int offset = address - FIRST;
        if (offset < 0 || offset >= SERIES.length() * PER_SERIES) {
            return Optional.empty();
        }
        char series = SERIES.charAt(offset / PER_SERIES);
        offset %= PER_SERIES;
        char first = (char) ('A' + offset / (LETTERS * LETTERS));
        char second = (char) ('A' + offset / LETTERS % LETTERS);
        char third = (char) ('A' + offset % LETTERS);
        return Optional.of("C-" + series + first + second + third);
    }
}
