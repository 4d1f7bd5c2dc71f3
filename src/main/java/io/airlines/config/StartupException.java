package io.airlines.config;

/**
 * A start-up problem the user can fix by changing one setting. Its message is the single line
 * printed before the process exits non-zero, so it names the setting.
 */
public class StartupException extends RuntimeException {

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupException(String message) {
        super(message);
    }
}
