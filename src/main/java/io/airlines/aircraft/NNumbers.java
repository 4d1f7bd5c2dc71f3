package io.airlines.aircraft;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * United States registrations (N-numbers) and their ICAO addresses, which the FAA assigns in order:
 * A00001 is N1, then N1A, N1AA … N1AZ, N1B … N1ZZ, N10, N10A …, up to ADF7C7, N99999. An N-number is
 * "N", a digit 1-9, up to four more digits, then up to two letters (no I or O) when at most five
 * characters follow the N.
 */
public final class NNumbers {

    static final int FIRST = 0xA00001;
    static final int LAST = 0xADF7C7;
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** No suffix, one letter, or two letters: 1 + 24 × (1 + 24). */
    private static final int SUFFIXES = 1 + LETTERS.length() * (1 + LETTERS.length());
    /** After four digits only one character may follow: none, a letter or a digit. */
    private static final int LAST_DIGIT_BUCKET = 1 + LETTERS.length() + 10;
    /** Addresses under a prefix of 4, 3, 2 and 1 digits: its suffixes, then ten longer prefixes. */
    private static final int[] BUCKETS = bucketSizes();

    private NNumbers() {
    }

    /** The N-number of an address in the US civil sequence; empty outside it. */
    public static Optional<String> registrationOf(int address) {
        if (address < FIRST || address > LAST) {
            return Optional.empty();
        }
        int offset = address - FIRST;
        StringBuilder registration = new StringBuilder("N").append(1 + offset / BUCKETS[1]);
        offset %= BUCKETS[1];
        for (int digits = 1; digits < 4; digits++) {
            if (offset < SUFFIXES) {
                return Optional.of(registration.append(letters(offset)).toString());
            }
            offset -= SUFFIXES;
            registration.append(offset / BUCKETS[digits + 1]);
            offset %= BUCKETS[digits + 1];
        }
        if (offset <= LETTERS.length()) {
            return Optional.of(registration.append(offset == 0 ? "" : LETTERS.charAt(offset - 1)).toString());
        }
        return Optional.of(registration.append(offset - 1 - LETTERS.length()).toString());
    }

    /** The N-number of a six-digit hex address; empty when it is not one or not in the US civil sequence. */
    public static Optional<String> registrationOf(String hexAddress) {
        OptionalInt address = IcaoAddresses.parse(hexAddress);
        return address.isPresent() ? registrationOf(address.getAsInt()) : Optional.empty();
    }

    /** The address of an N-number (any case); empty when it is not a valid N-number. */
    public static OptionalInt addressOf(String registration) {
        if (registration == null) {
            return OptionalInt.empty();
        }
        String tail = registration.trim().toUpperCase(Locale.ROOT);
        if (tail.length() < 2 || tail.length() > 6 || tail.charAt(0) != 'N'
                || tail.charAt(1) < '1' || tail.charAt(1) > '9') {
            return OptionalInt.empty();
        }
        int address = FIRST + (tail.charAt(1) - '1') * BUCKETS[1];
        int digits = 1;
        int i = 2;
        while (i < tail.length() && Character.isDigit(tail.charAt(i))) {
            if (digits == 4) {
                return i == tail.length() - 1 ? OptionalInt.of(address + 1 + LETTERS.length()
                        + (tail.charAt(i) - '0')) : OptionalInt.empty();
            }
            address += SUFFIXES + (tail.charAt(i) - '0') * BUCKETS[digits + 1];
            digits++;
            i++;
        }
        String suffix = tail.substring(i);
        int maxLetters = digits == 4 ? 1 : 2;
        if (suffix.length() > maxLetters || !suffix.chars().allMatch(c -> LETTERS.indexOf(c) >= 0)) {
            return OptionalInt.empty();
        }
        if (digits == 4) {
            return OptionalInt.of(address + (suffix.isEmpty() ? 0 : 1 + LETTERS.indexOf(suffix.charAt(0))));
        }
        return OptionalInt.of(address + suffixOffset(suffix));
    }

    /** Position of a suffix among none, A, AA … AZ, B, BA …, ZZ. */
    private static int suffixOffset(String suffix) {
        if (suffix.isEmpty()) {
            return 0;
        }
        int offset = 1 + LETTERS.indexOf(suffix.charAt(0)) * (1 + LETTERS.length());
        return suffix.length() == 1 ? offset : offset + 1 + LETTERS.indexOf(suffix.charAt(1));
    }

    private static String letters(int offset) {
        if (offset == 0) {
            return "";
        }
        int first = (offset - 1) / (1 + LETTERS.length());
        int second = (offset - 1) % (1 + LETTERS.length());
        String head = String.valueOf(LETTERS.charAt(first));
        return second == 0 ? head : head + LETTERS.charAt(second - 1);
    }

    private static int[] bucketSizes() {
        int[] sizes = new int[5];
        sizes[4] = LAST_DIGIT_BUCKET;
        for (int digits = 3; digits >= 1; digits--) {
            sizes[digits] = SUFFIXES + 10 * sizes[digits + 1];
        }
        return sizes;
    }
}
