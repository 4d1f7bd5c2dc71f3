package io.airlines.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.springframework.util.unit.DataSize;

/**
 * Range checks for settings records, called from their constructors: a value out of range stops
 * the start with a line naming the variable ({@link StartupFailure} adds the name and the value),
 * instead of a server that runs oddly.
 */
public final class SettingsCheck {

    private SettingsCheck() {
    }

    /** A component of a settings record ({@code writers}) out of range, with the value it was given. */
    public static final class InvalidSetting extends IllegalArgumentException {

        private final String component;
        private final String value;

        InvalidSetting(String component, Object value, String reason) {
            super(reason);
            this.component = component;
            this.value = display(value);
        }

        /** A duration as one would write it ({@code 0s}, {@code 250ms}), not as {@code PT0S}. */
        private static String display(Object value) {
            if (value instanceof Duration d) {
                return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
            }
            return String.valueOf(value);
        }

        public String component() {
            return component;
        }

        public String value() {
            return value;
        }
    }

    public static int atLeast(String component, int value, int min) {
        if (value < min) {
            throw new InvalidSetting(component, value, "must be at least " + min);
        }
        return value;
    }

    public static int between(String component, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSetting(component, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    public static int portNumber(String component, int value) {
        return between(component, value, 1, 65_535);
    }

    public static Duration positive(String component, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSetting(component, value, "must be a positive duration such as 500ms, 30s, 5m or 1h");
        }
        return value;
    }

    public static DataSize positive(String component, DataSize value) {
        if (value == null || value.toBytes() <= 0) {
            throw new InvalidSetting(component, value, "must be a positive size such as 512KB or 16MB");
        }
        return value;
    }

    public static double positive(String component, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidSetting(component, value, "must be a positive number");
        }
        return value;
    }

    public static String oneOf(String component, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value.toLowerCase(Locale.ROOT))) {
            throw new InvalidSetting(component, value, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** A value that must not be blank; the value itself is not shown (it may be a secret). */
    public static String nonBlank(String component, String value, String reason) {
        if (value == null || value.isBlank()) {
            throw new InvalidSetting(component, "", reason);
        }
        return value;
    }

    /** An absolute http or https URL; shown with its credentials masked when wrong. */
    public static String httpUrl(String component, String value) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below, as any other wrong URL
        }
        throw new InvalidSetting(component, UriMask.maskUri(value), "must be an http:// or https:// URL");
    }
}
