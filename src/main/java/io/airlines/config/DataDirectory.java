package io.airlines.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directory holding the embedded broker's log and the store's file. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** Creates {@code dir/child} and proves it is writable, or fails naming the setting. */
    public static Path prepare(Path dir, String child) {
        Path target = dir.resolve(child).toAbsolutePath().normalize();
        try {
            Files.createDirectories(target);
            Path probe = Files.createTempFile(target, ".write-check", ".tmp");
            Files.delete(probe);
            return target;
        } catch (IOException | SecurityException e) {
            throw new StartupException("data directory " + target
                    + " cannot be written; set AIRLINES_DATA_DIR to a writable directory", e);
        }
    }
}
