package io.airlines.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The non-blank lines of an NDJSON body as they arrive, each as its own bytes: the body is never
 * held whole, and a line longer than {@code maxLineBytes} is reported (and skipped) instead of grown.
 */
final class NdjsonLines {

    /** A line's number from 1 (blank lines count), its bytes without the line end, or {@code tooLong}. */
    record Line(int number, byte[] bytes, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private int number;
    private boolean ended;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next non-blank line, or null at the end of the body. */
    Line next() throws IOException {
        while (!ended) {
            Line line = readLine();
            if (line != null && (line.tooLong() || !blank(line.bytes()))) {
                return line;
            }
        }
        return null;
    }

    private Line readLine() throws IOException {
        current.reset();
        boolean tooLong = false;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (current.size() < maxLineBytes) {
                current.write(b);
            } else {
                tooLong = true;
            }
        }
        if (b < 0) {
            ended = true;
            if (current.size() == 0 && !tooLong) {
                return null;
            }
        }
        number++;
        byte[] bytes = current.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new Line(number, length == bytes.length ? bytes : Arrays.copyOf(bytes, length), tooLong);
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
