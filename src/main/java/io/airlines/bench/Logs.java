package io.airlines.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The logs of the processes a benchmark starts, quoted when one fails. */
final class Logs {

    /** Lines of a failed process's log a failure quotes: its last words, not megabytes of start-up. */
    static final int QUOTED = 100;

    private Logs() {
    }

    /** The last {@code lines} of a process's log, or why it cannot be read. */
    static String tail(Path file, int lines) {
        try {
            // Maven's output is UTF-8 but a cut download's message need not be: read it as bytes.
            List<String> all = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }
}
