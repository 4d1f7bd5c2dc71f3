package io.airlines.aircraft;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Many short strings in one UTF-8 byte array: a String object per registration would cost several
 * times its characters at half a million aircraft.
 */
final class PackedStrings {

    private byte[] bytes = new byte[1024];
    private int[] ends = new int[64];
    private int count;

    /** Appends a string; returns its index. */
    int add(String value) {
        byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
        int start = count == 0 ? 0 : ends[count - 1];
        if (start + encoded.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + encoded.length));
        }
        System.arraycopy(encoded, 0, bytes, start, encoded.length);
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count] = start + encoded.length;
        return count++;
    }

    String get(int index) {
        int start = index == 0 ? 0 : ends[index - 1];
        return new String(bytes, start, ends[index] - start, StandardCharsets.UTF_8);
    }

    int size() {
        return count;
    }

    /** Drops the spare capacity once everything is added. */
    PackedStrings trim() {
        int used = count == 0 ? 0 : ends[count - 1];
        bytes = Arrays.copyOf(bytes, used);
        ends = Arrays.copyOf(ends, count);
        return this;
    }

    long footprintBytes() {
        return ArrayBytes.of(bytes) + ArrayBytes.of(ends);
    }
}
