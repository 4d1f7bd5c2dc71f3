package io.airlines.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Aircraft whose owners asked not to be tracked (like the FAA's LADD and PIA programs that tar1090
 * honours): their positions are dropped at ingest and never stored, streamed or shown.
 *
 * <p>An entry is a 6-digit ICAO 24-bit address in hex ({@code 3c6444}), a callsign ({@code DLH400}),
 * or a callsign prefix ending in {@code *} ({@code N123*}). Case and surrounding blanks do not
 * matter; {@code #} starts a comment in a file. A 6-character hex entry is also compared with the
 * callsign, since a callsign like {@code ABC123} may look like hex.
 */
public final class PrivacyBlocklist {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{6}");
    private final Set<String> icao;
    private final Set<String> callsigns;
    private final List<String> prefixes;

    private PrivacyBlocklist(Set<String> icao, Set<String> callsigns, List<String> prefixes) {
        // Erased aircraft join while the server runs (AircraftErasure), from any request thread.
        this.icao = ConcurrentHashMap.newKeySet();
        this.icao.addAll(icao);
        this.callsigns = callsigns;
        this.prefixes = prefixes;
    }

    public static PrivacyBlocklist empty() {
        return new PrivacyBlocklist(Set.of(), Set.of(), List.of());
    }

    /** Entries separated by commas, semicolons, blanks or line breaks. */
    public static PrivacyBlocklist of(String entries) {
        return of(entries == null ? List.of() : List.of(entries.split("[,;\\s]+")));
    }

    public static PrivacyBlocklist of(List<String> entries) {
        Set<String> icao = new HashSet<>();
        Set<String> callsigns = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String raw : entries) {
            String entry = normalize(raw);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.endsWith("*")) {
                String prefix = entry.substring(0, entry.length() - 1);
                if (!prefix.isEmpty() && !prefix.contains("*")) {
                    prefixes.add(prefix);
                }
                continue;
            }
            if (HEX.matcher(entry).matches()) {
                icao.add(entry);
            }
            callsigns.add(entry);
        }
        return new PrivacyBlocklist(Set.copyOf(icao), Set.copyOf(callsigns), List.copyOf(prefixes));
    }

    /** The comma list and the file (one entry per line, {@code #} comments), together. */
    public static PrivacyBlocklist load(String list, Path file) {
        List<String> entries = new ArrayList<>(list == null ? List.of() : List.of(list.split("[,;\\s]+")));
        if (file != null && !file.toString().isBlank()) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int comment = line.indexOf('#');
                    entries.addAll(List.of((comment >= 0 ? line.substring(0, comment) : line).split("[,;\\s]+")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the privacy block list " + file
                        + "; fix AIRLINES_PRIVACY_BLOCKLIST_FILE", e);
            }
        }
        return of(entries);
    }

    /** Adds transponder addresses (6 hex digits; others are ignored), e.g. of erased aircraft. */
    public void addAddresses(Collection<String> hexes) {
        for (String hex : hexes) {
            String entry = normalize(hex);
            if (HEX.matcher(entry).matches()) {
                icao.add(entry);
            }
        }
    }

    /**
     * True when this position's aircraft must be dropped: by its key (transponder address), its
     * callsign, or its flight number, which the original producer's format sends instead.
     */
    public boolean blocks(Position p) {
        return blocks(p.key(), p.callsign()) || (p.flightNumber() != null && blocks(null, p.flightNumber()));
    }

    /** True when a position of this aircraft must be dropped. Either argument may be null. */
    public boolean blocks(String icaoHex, String callsign) {
        if (isEmpty()) {
            return false;
        }
        String hex = normalize(icaoHex);
        if (!hex.isEmpty() && icao.contains(hex)) {
            return true;
        }
        String call = normalize(callsign);
        if (call.isEmpty()) {
            return false;
        }
        if (callsigns.contains(call)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (call.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return icao.isEmpty() && callsigns.isEmpty() && prefixes.isEmpty();
    }

    public int size() {
        return callsigns.size() + prefixes.size();
    }

    private static String normalize(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "PrivacyBlocklist[" + size() + " entries]";
    }
}
