package io.airlines.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small UTF-8 text tables shipped in the jar, read line by line. */
public final class ShippedText {

    private ShippedText() {
    }

    /** The lines of a classpath resource; a missing one is a packaging error. */
    public static List<String> lines(String resource) {
        try (InputStream in = ShippedText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
