package io.airlines.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.airlines.reference.ShippedText;

/**
 * What a country's registrations look like, shipped as {@value #RESOURCE}: a pattern where
 * {@code ?} stands for a letter, {@code #} for a digit and {@code [HKL]} for one of those letters
 * ({@code D-A???} for Germany), and the {@code index}-th registration of a pattern.
 */
final class RegistrationFormats {

    static final String RESOURCE = "/simulator/registrations.txt";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    /** A pattern as its positions, each the characters it may hold (one for a fixed character). */
    record Format(List<String> positions) {

        static Format parse(String pattern) {
            List<String> positions = new ArrayList<>();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '[') {
                    int end = pattern.indexOf(']', i);
                    positions.add(pattern.substring(i + 1, end));
                    i = end;
                } else {
                    positions.add(c == '?' ? LETTERS : c == '#' ? DIGITS : String.valueOf(c));
                }
            }
            return new Format(List.copyOf(positions));
        }

        /** How many distinct registrations the pattern has. */
        long capacity() {
            long n = 1;
            for (String p : positions) {
                n *= p.length();
            }
            return n;
        }

        /** Registration number {@code index} (below the capacity), the last position turning fastest. */
        String registration(long index) {
            char[] out = new char[positions.size()];
            long rest = index;
            for (int i = out.length - 1; i >= 0; i--) {
                String choices = positions.get(i);
                out[i] = choices.charAt((int) (rest % choices.length()));
                rest /= choices.length();
            }
            return new String(out);
        }
    }

    private final Map<String, Format> formats = new HashMap<>();

    RegistrationFormats(List<String> lines) {
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            if (!line.isBlank() && !words[0].startsWith("#")) {
                formats.put(words[0], Format.parse(words[1]));
            }
        }
    }

    static RegistrationFormats shipped() {
        return new RegistrationFormats(ShippedText.lines(RESOURCE));
    }

    Optional<Format> of(String country) {
        return Optional.ofNullable(formats.get(country));
    }
}
