package io.airlines.embedded.mongo;

import java.util.HashMap;
import java.util.Map;

import org.h2.mvstore.SingleFileStore;

/**
 * H2's file store, telling how many bytes it has written: pages (compressed) and chunk headers,
 * rewritten pages included. Against the data stored, that is the store's write amplification,
 * which the file's size alone hides (space is reused). And how many it has read: pages its cache
 * did not hold.
 */
final class CountedFileStore extends SingleFileStore {

    CountedFileStore(int autoCompactFillRate) {
        super(config(autoCompactFillRate));
    }

    private static Map<String, Object> config(int autoCompactFillRate) {
        Map<String, Object> config = new HashMap<>();
        config.put("autoCompactFillRate", autoCompactFillRate);
        return config;
    }

    long writtenBytes() {
        return writeBytes.get();
    }

    long readBytes() {
        return readBytes.get();
    }
}
