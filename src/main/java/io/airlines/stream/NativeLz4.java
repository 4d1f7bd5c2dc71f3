package io.airlines.stream;

/**
 * Kafka compresses with lz4-java's fastest instance, which is its native library only when that
 * library is loaded already or lz4-java sits on the system class path. From the packaged jar
 * (Spring Boot's own class loader) it fell back to the pure-Java compressor: a tenth of the
 * server's samples at world scale went to LZ4 in the clients and in the embedded broker, three to
 * four times the native library's cost. Loading the library first makes every later caller get it;
 * Kafka takes its decompressor once, when its classes load, so this runs before anything else.
 * lz4-java is Kafka's runtime dependency, not ours: reached by name.
 */
public final class NativeLz4 {

    private NativeLz4() {
    }

    /** Loads the native library if this platform has it; the pure-Java compressor stays otherwise. */
    public static void prefer() {
        try {
            factory().getMethod("nativeInstance").invoke(null);
        } catch (Throwable e) {
            // No library for this platform, or no temporary directory to unpack it to: Java it is.
        }
    }

    /** What Kafka's compression uses, for the start-up log. */
    public static String inUse() {
        try {
            return String.valueOf(factory().getMethod("fastestInstance").invoke(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "no LZ4 (" + e + ")";
        }
    }

    private static Class<?> factory() throws ClassNotFoundException {
        return Class.forName("net.jpountz.lz4.LZ4Factory", true, NativeLz4.class.getClassLoader());
    }
}
