package io.airlines.aircraft;

/** Heap size of primitive arrays on a 64-bit JVM with compressed references (16-byte header, 8-byte alignment). */
final class ArrayBytes {

    private static final int HEADER = 16;

    private ArrayBytes() {
    }

    static long of(byte[] array) {
        return align(HEADER + (long) array.length);
    }

    static long of(int[] array) {
        return align(HEADER + 4L * array.length);
    }

    private static long align(long bytes) {
        return (bytes + 7) / 8 * 8;
    }
}
