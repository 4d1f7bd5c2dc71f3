package io.airlines.aircraft;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Records of a delimited text file: fields split at the separator, a field starting with the quote
 * character may hold separators, doubled quotes and line breaks. A quote left open for more than a
 * few lines, or closed before anything but a separator, makes a broken record: its first line is
 * given up as bad and reading resumes on the next, so one stray quote costs one line, not the rest
 * of the file.
 */
final class CsvRecords {

    /** No quoting: every character is data. */
    static final char NO_QUOTE = 0;
    private static final int MAX_LINES_PER_RECORD = 8;

    /** One record: its fields, or null when it is broken. */
    record Fields(List<String> values) {

        boolean broken() {
            return values == null;
        }

        /** The field at this index, trimmed; null when missing or blank. */
        String get(int index) {
            if (index < 0 || index >= values.size()) {
                return null;
            }
            String value = values.get(index).strip();
            return value.isEmpty() ? null : value;
        }
    }

    private final BufferedReader in;
    private final char separator;
    private final char quote;
    private final Deque<String> pending = new ArrayDeque<>();

    CsvRecords(BufferedReader in, char separator, char quote) {
        this.in = in;
        this.separator = separator;
        this.quote = quote;
    }

    /** The next record, or null at the end of the file. Blank lines are skipped. */
    Fields next() throws IOException {
        String first = line();
        while (first != null && first.isBlank()) {
            first = line();
        }
        if (first == null) {
            return null;
        }
        List<String> lines = new ArrayList<>(List.of(first));
        StringBuilder text = new StringBuilder(first);
        Parsed parsed = split(text, separator, quote);
        while (parsed.status() == Status.OPEN && lines.size() < MAX_LINES_PER_RECORD) {
            String more = line();
            if (more == null) {
                break;
            }
            lines.add(more);
            text.append('\n').append(more);
            parsed = split(text, separator, quote);
        }
        if (parsed.status() != Status.COMPLETE) {
            // Give the lines after the first another chance as records of their own.
            for (int i = lines.size() - 1; i >= 1; i--) {
                pending.push(lines.get(i));
            }
            return new Fields(null);
        }
        return new Fields(parsed.fields());
    }

    private String line() throws IOException {
        return pending.isEmpty() ? in.readLine() : pending.pop();
    }

    enum Status { COMPLETE, OPEN, MALFORMED }

    /** A record's text split: its fields when complete. */
    record Parsed(List<String> fields, Status status) {
    }

    /**
     * The fields of a record's text; open while a quoted field is not closed yet, malformed when a
     * closing quote is followed by anything but a separator.
     */
    static Parsed split(CharSequence text, char separator, char quote) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closed = false;
        boolean atStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != quote) {
                    field.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    field.append(quote);
                    i++;
                } else {
                    quoted = false;
                    closed = true;
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                atStart = true;
                closed = false;
                continue;
            } else if (closed) {
                return new Parsed(null, Status.MALFORMED);
            } else if (c == quote && quote != NO_QUOTE && atStart) {
                quoted = true;
            } else {
                field.append(c);
            }
            atStart = false;
        }
        if (quoted) {
            return new Parsed(null, Status.OPEN);
        }
        fields.add(field.toString());
        return new Parsed(fields, Status.COMPLETE);
    }
}
