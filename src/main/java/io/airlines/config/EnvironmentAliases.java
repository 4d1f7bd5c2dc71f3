package io.airlines.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The environment variables whose names are not the relaxed form of their setting: the original
 * system's ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}), the Lufthansa client's, and a
 * few shorter ones. Every other setting binds by its relaxed name
 * ({@code airlines.store.writers} ← {@code AIRLINES_STORE_WRITERS}), and every default is written
 * once, in its settings record.
 */
public class EnvironmentAliases implements EnvironmentPostProcessor {

    /** Variable → the setting it sets. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("KAFKA_BOOTSTRAP_SERVERS", "airlines.kafka.bootstrap-servers"),
            Map.entry("MONGODB_URI", "airlines.mongo.uri"),
            Map.entry("MONGODB_DATABASE", "airlines.mongo.database"),
            Map.entry("AIRLINES_STORE_DURABILITY", "airlines.mongo.durability"),
            Map.entry("AIRLINES_TRACK_MODE", "airlines.store.track-mode"),
            Map.entry("AIRLINES_SIGNAL_LOST_AFTER", "airlines.stream.signal-lost-after"),
            Map.entry("AIRLINES_LIVE_EXPIRY", "airlines.stream.live-expiry"),
            Map.entry("AIRLINES_REFERENCE_RELOAD", "airlines.stream.reference-reload"),
            Map.entry("AIRLINES_MAX_BODY_SIZE", "airlines.security.max-body-size"),
            Map.entry("AIRLINES_MAX_POSITIONS_BODY_SIZE", "airlines.security.max-positions-body-size"),
            Map.entry("AIRLINES_ALLOWED_HOSTS", "airlines.security.allowed-hosts"),
            Map.entry("AIRLINES_OFFLINE_DATA", "airlines.offline.enabled"),
            Map.entry("AIRLINES_DEMO_DAYS", "airlines.offline.demo-days"),
            Map.entry("AIRLINES_WEBHOOKS", "airlines.webhooks.urls"),
            Map.entry("AIRLINES_WEBHOOK_SECRET", "airlines.webhooks.secret"),
            Map.entry("AIRLINES_BIND", "server.address"),
            Map.entry("AIRLINES_MAX_HEADER_SIZE", "server.max-http-request-header-size"));

    /** {@code LUFTHANSA_CLIENT_ID} → {@code airlines.lufthansa.client-id}, and so on for every Lufthansa setting. */
    static final String LUFTHANSA_PREFIX = "LUFTHANSA_";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> set = aliased(environment.getSystemEnvironment());
        if (!set.isEmpty()) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new MapPropertySource("airlinesEnvironmentAliases", set));
        }
    }

    /** The settings the given variables set through an alias. */
    static Map<String, Object> aliased(Map<String, Object> variables) {
        Map<String, Object> set = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            String property = property(name);
            if (property != null) {
                set.put(property, value);
            }
        });
        return set;
    }

    /** The variable that sets a setting ({@code airlines.store.track-mode} → {@code AIRLINES_TRACK_MODE}). */
    public static String variableOf(String property) {
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            if (alias.getValue().equals(property)) {
                return alias.getKey();
            }
        }
        String lufthansa = "airlines.lufthansa.";
        String relaxed = property.startsWith(lufthansa) ? LUFTHANSA_PREFIX + property.substring(lufthansa.length()) : property;
        return relaxed.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The setting a variable sets through an alias, or null when it is not an alias. */
    static String property(String variable) {
        if (ALIASES.containsKey(variable)) {
            return ALIASES.get(variable);
        }
        if (variable.startsWith(LUFTHANSA_PREFIX) && variable.length() > LUFTHANSA_PREFIX.length()) {
            return "airlines.lufthansa." + variable.substring(LUFTHANSA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return null;
    }
}
