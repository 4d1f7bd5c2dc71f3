package io.airlines;

import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Launcher commands that a package contributes (listed in {@code META-INF/services}): the entry point
 * finds them by name at run time, so it does not depend on the package that implements them.
 */
public interface Commands {

    /** Each command's name and what it runs, which returns the process exit status. */
    Map<String, ToIntFunction<String[]>> byName();
}
