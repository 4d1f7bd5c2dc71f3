package io.airlines.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The live heap of another JVM: {@code jcmd <pid> GC.class_histogram} runs a full collection
 * first, so its total is what survives, not what the collector has let pile up.
 */
final class HeapCensus {

    private HeapCensus() {
    }

    /** Bytes live after a full GC, when this JDK has {@code jcmd} and the process answers it. */
    static Optional<Long> liveBytes(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return Optional.empty();
            }
            return totalOf(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The bytes of the histogram's last line, {@code Total <instances> <bytes>}. */
    static Optional<Long> totalOf(String histogram) {
        return histogram.lines().map(String::trim).filter(l -> l.startsWith("Total")).reduce((a, b) -> b)
                .map(l -> l.split("\\s+")).filter(f -> f.length == 3).map(f -> Long.parseLong(f[2]));
    }
}
