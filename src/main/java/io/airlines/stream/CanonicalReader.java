package io.airlines.stream;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.airlines.stream.FlightTextRuns.Flight;
import tools.jackson.core.io.NumberInput;

/**
 * Reads a position in the exact layout {@link PositionWire#write} gives it (its fields in their
 * order, each once, no blanks), straight from the bytes. The live view, the sink and the legs each
 * read every record of the validated topic, and a general JSON parser spent most of its time
 * there looking field names up and checking what this layout makes certain. Any other layout,
 * an escaped or non-ASCII text included, is left to the general parser: null.
 */
final class CanonicalReader {

    private static final String[] FIELDS = {"key", "callsign", "flightNumber", "airline", "airlineName", "origin",
            "destination", "lat", "lon", "altitude", "speed", "track", "verticalRate", "squawk", "onGround", "phase",
            "distanceToDestinationKm", "eta", "delayMinutes", "source", "time", "received", "flag", "registration",
            "aircraftType", "country"};
    private static final byte[][] NAMES = names(FIELDS);
    /** The fields of each of a flight's runs of texts ({@link FlightTextRuns}), from and to (excluded). */
    private static final int[][] RUN_FIELDS = {{0, 7}, {13, 14}, {23, 26}};
    /** Where the texts of each run are in a flight's texts, and how many they are in all. */
    private static final int[] RUN_TEXTS = new int[RUN_FIELDS.length];
    private static final int RUN_TEXT_COUNT;

    static {
        int texts = 0;
        for (int run = 0; run < RUN_FIELDS.length; run++) {
            RUN_TEXTS[run] = texts;
            texts += RUN_FIELDS[run][1] - RUN_FIELDS[run][0];
        }
        RUN_TEXT_COUNT = texts;
    }

    /** Where the key's chars start: after the brace, its name and the quote. */
    private static final int KEY_START = 1 + NAMES[0].length + 1;
    /** How far from the end the last field's name may start: its value is a country's name at most. */
    private static final int LAST_FIELD_REACH = 128;
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    /** Powers of ten a double holds exactly. */
    private static final double[] TENS = new double[23];

    static {
        TENS[0] = 1;
        for (int i = 1; i < TENS.length; i++) {
            TENS[i] = TENS[i - 1] * 10;
        }
    }

    /** The texts each flight has its own of; {@code eta} and {@code flag} are each record's own; many flights share the others. */
    private static final Set<String> FLIGHT_OWN_TEXTS = Set.of("key", "callsign", "flightNumber", "squawk", "registration");
    private static final Set<String> UNSHARED_TEXTS = Set.of("eta", "flag");

    /** By field: the table its text is shared in, null for numbers and unshared texts. */
    private final SharedTexts[] tables = new SharedTexts[NAMES.length];
    private final FlightTextRuns runs;
    private byte[] in;
    /** The record's flight as its last record had it, or null; and the texts of the runs read so far. */
    private Flight known;
    private String[] runTexts;
    /** Where each run is in the record: from, to (excluded). */
    private final int[] runBounds = new int[2 * FlightTextRuns.RUNS];
    private int at;
    private final char[] digits = new char[64];

    private CanonicalReader(SharedTexts flightTexts, SharedTexts commonTexts, FlightTextRuns runs) {
        this.runs = runs;
        for (int i = 0; i < FIELDS.length; i++) {
            tables[i] = tableOf(FIELDS[i], flightTexts, commonTexts);
        }
    }

    /**
     * The table a text field's values are shared in: {@code flightTexts} for a flight's own,
     * {@code commonTexts} for those many flights share, null for a record's own. Both readers of
     * positions ask here, so that a field moves from one table to the other in one place.
     */
    static SharedTexts tableOf(String field, SharedTexts flightTexts, SharedTexts commonTexts) {
        if (UNSHARED_TEXTS.contains(field)) {
            return null;
        }
        return FLIGHT_OWN_TEXTS.contains(field) ? flightTexts : commonTexts;
    }

    /**
     * Not thread-safe: one per reading thread. Texts come from the flight's last record in
     * {@code runs} when its bytes are the same, else from the two tables as {@link #tableOf} says.
     */
    static CanonicalReader sharing(SharedTexts flightTexts, SharedTexts commonTexts, FlightTextRuns runs) {
        return new CanonicalReader(flightTexts, commonTexts, runs);
    }

    /** The position, or null when {@code bytes} are not in the canonical layout. */
    Position read(byte[] bytes) {
        if (!framed(bytes)) {
            return null;
        }
        in = bytes;
        at = 0;
        try {
            return readPosition();
        } catch (NotCanonical e) {
            return null;
        } finally {
            in = null;
            known = null;
            runTexts = null;
        }
    }

    /**
     * Whether the record starts with the first field's name and its last field is the layout's last:
     * records of other producers nearly always fail this, and are refused here without a thrown
     * {@link NotCanonical}, which costs several microseconds once the reader is compiled (a third of
     * the sink's time when every record was in another layout).
     */
    static boolean framed(byte[] bytes) {
        byte[] first = NAMES[0];
        byte[] last = NAMES[NAMES.length - 1];
        if (bytes.length < 2 + first.length + last.length + 2 || bytes[0] != '{' || bytes[bytes.length - 1] != '}'
                || !matches(bytes, 1, first)) {
            return false;
        }
        // The last value, null or a short text, runs to the closing brace; its name is before it, after a comma.
        int close = bytes.length - 1;
        int valueStart;
        if (close >= NULL.length && matches(bytes, close - NULL.length, NULL)) {
            valueStart = close - NULL.length;
        } else if (bytes[close - 1] == '"') {
            valueStart = close - 2;
            while (valueStart > 0 && bytes[valueStart] != '"' && close - valueStart < LAST_FIELD_REACH) {
                valueStart--;
            }
        } else {
            return false;
        }
        int name = valueStart - last.length;
        return name > 1 && bytes[name - 1] == ',' && matches(bytes, name, last);
    }

    private static boolean matches(byte[] bytes, int at, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private Position readPosition() {
        expect('{');
        int keyEnd = keyEnd();
        known = keyEnd < 0 ? null : runs.startingAs(in, KEY_START, keyEnd);
        runTexts = known != null ? known.texts() : new String[RUN_TEXT_COUNT];
        run(0);
        Double lat = number(7);
        Double lon = number(8);
        Double altitude = number(9);
        Double speed = number(10);
        Double track = number(11);
        Double verticalRate = number(12);
        run(1);
        Boolean onGround = bool(14);
        String phase = text(15);
        Double distance = number(16);
        String eta = text(17);
        Integer delay = integer(18);
        String source = text(19);
        Long time = longValue(20);
        Long received = longValue(21);
        String flag = text(22);
        run(2);
        String[] t = runTexts;
        if (at != in.length || t[0] == null || lat == null || lon == null || time == null) {
            throw NotCanonical.INSTANCE;
        }
        if (known == null || t != known.texts()) {
            runs.remember(in, KEY_START, keyEnd, flight(), known);
        }
        return new Position(t[0], t[1], t[2], t[3], t[4], t[5], t[6], lat, lon, altitude, speed, track, verticalRate,
                t[7], onGround, phase, distance, eta, delay, source, time, received, flag, t[8], t[9], t[10]);
    }

    /**
     * Reads run {@code run}: passes over it when it is the known flight's, else reads its texts. The
     * first run has the opening brace with it, the last the closing one.
     */
    private void run(int run) {
        int start = run == 0 ? 0 : at;
        runBounds[2 * run] = start;
        if (known != null && known.hasRun(run, in, start)) {
            at = start + known.length(run);
        } else {
            if (known != null && runTexts == known.texts()) {
                runTexts = runTexts.clone();
            }
            int text = RUN_TEXTS[run];
            for (int field = RUN_FIELDS[run][0]; field < RUN_FIELDS[run][1]; field++) {
                runTexts[text++] = text(field);
            }
            if (run == FlightTextRuns.RUNS - 1) {
                expect('}');
            }
        }
        runBounds[2 * run + 1] = at;
    }

    /** The record's runs, to be known for the flight's next record. */
    private Flight flight() {
        int[] b = runBounds;
        int first = b[1] - b[0];
        int second = b[3] - b[2];
        byte[] bytes = new byte[first + second + b[5] - b[4]];
        System.arraycopy(in, b[0], bytes, 0, first);
        System.arraycopy(in, b[2], bytes, first, second);
        System.arraycopy(in, b[4], bytes, first + second, b[5] - b[4]);
        return new Flight(bytes, first, first + second, runTexts);
    }

    /** Where the key's chars end (its closing quote), or -1 when it is not a text. */
    private int keyEnd() {
        if (in[KEY_START - 1] != '"') {
            return -1;
        }
        for (int i = KEY_START; i < in.length; i++) {
            if (in[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    /** {@code "name":} after a comma for every field but the first. */
    private void name(int field) {
        if (field > 0) {
            expect(',');
        }
        byte[] name = NAMES[field];
        if (at + name.length > in.length || !matches(in, at, name)) {
            throw NotCanonical.INSTANCE;
        }
        at += name.length;
    }

    /** The text of a field: one of {@code table}'s strings, or a new one when {@code table} is null. */
    private String text(int field) {
        SharedTexts table = tables[field];
        name(field);
        if (literal(NULL)) {
            return null;
        }
        expect('"');
        int start = at;
        while (at < in.length) {
            byte b = in[at];
            if (b == '"') {
                at++;
                return table != null ? table.of(in, start, at - 1 - start)
                        : new String(in, start, at - 1 - start, StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < 0x20) {
                // Escapes and non-ASCII (negative bytes) are the general parser's.
                throw NotCanonical.INSTANCE;
            }
            at++;
        }
        throw NotCanonical.INSTANCE;
    }

    private Double number(int field) {
        name(field);
        if (literal(NULL)) {
            return null;
        }
        int start = at;
        boolean negative = at < in.length && in[at] == '-';
        if (negative) {
            at++;
        }
        // JSON's grammar: an integer part without leading zeros, then a fraction of at least one digit.
        if (!digit(at) || (in[at] == '0' && digit(at + 1))) {
            throw NotCanonical.INSTANCE;
        }
        long mantissa = 0;
        int significant = 0;
        int fraction = 0;
        boolean point = false;
        while (at < in.length) {
            byte b = in[at];
            if (b >= '0' && b <= '9') {
                if (mantissa != 0 || b != '0') {
                    significant++;
                }
                mantissa = significant <= 18 ? mantissa * 10 + (b - '0') : mantissa;
                if (point) {
                    fraction++;
                }
            } else if (b == '.' && !point && digit(at + 1)) {
                point = true;
            } else {
                break;
            }
            at++;
        }
        if (at < in.length && (in[at] == 'E' || in[at] == 'e')) {
            return slowNumber(start);
        }
        // Exact operands, so one division is the correctly rounded value (Clinger's fast path).
        if (significant <= 15 && fraction < TENS.length) {
            double value = mantissa / TENS[fraction];
            return SharedNumbers.of(negative, mantissa, fraction, negative ? -value : value);
        }
        return slowNumber(start);
    }

    private Double slowNumber(int start) {
        while (at < in.length && (in[at] == 'E' || in[at] == 'e' || in[at] == '-' || in[at] == '+'
                || (in[at] >= '0' && in[at] <= '9'))) {
            at++;
        }
        int length = at - start;
        if (length > digits.length) {
            throw NotCanonical.INSTANCE;
        }
        for (int i = 0; i < length; i++) {
            digits[i] = (char) in[start + i];
        }
        try {
            return NumberInput.parseDouble(digits, 0, length, true);
        } catch (NumberFormatException e) {
            throw NotCanonical.INSTANCE;
        }
    }

    private boolean digit(int i) {
        return i < in.length && in[i] >= '0' && in[i] <= '9';
    }

    private Boolean bool(int field) {
        name(field);
        if (literal(NULL)) {
            return null;
        }
        if (literal(TRUE)) {
            return Boolean.TRUE;
        }
        if (literal(FALSE)) {
            return Boolean.FALSE;
        }
        throw NotCanonical.INSTANCE;
    }

    private Integer integer(int field) {
        Long value = longValue(field);
        if (value == null) {
            return null;
        }
        if (value != value.intValue()) {
            throw NotCanonical.INSTANCE;
        }
        return value.intValue();
    }

    private Long longValue(int field) {
        name(field);
        if (literal(NULL)) {
            return null;
        }
        boolean negative = at < in.length && in[at] == '-';
        if (negative) {
            at++;
        }
        int start = at;
        long value = 0;
        while (at < in.length && in[at] >= '0' && in[at] <= '9') {
            value = value * 10 + (in[at++] - '0');
        }
        // 18 digits cannot overflow; longer (or none) is the general parser's.
        if (at == start || at - start > 18) {
            throw NotCanonical.INSTANCE;
        }
        return negative ? -value : value;
    }

    private boolean literal(byte[] word) {
        if (at + word.length > in.length || !matches(in, at, word)) {
            return false;
        }
        at += word.length;
        return true;
    }

    private void expect(char c) {
        if (at >= in.length || in[at] != c) {
            throw NotCanonical.INSTANCE;
        }
        at++;
    }

    private static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = ('"' + names[i] + "\":").getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /** Thrown to leave the layout's fast path; carries no stack, it is not an error. */
    private static final class NotCanonical extends RuntimeException {
        static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super("not in the canonical layout", null, false, false);
        }
    }
}
