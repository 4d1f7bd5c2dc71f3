package io.airlines.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's configuration table is what users read: every setting must be in it, under the
 * environment variable that sets it, with the default the code really has. Defaults are declared
 * once, in the settings records (read here from the configuration processor's metadata); Spring's
 * own settings that the program sets (port, bind address, header size) come from application.yml,
 * which holds no {@code airlines.*} setting.
 */
public class ConfigurationTableTest {

    /** Read by ./airlines (and scripts/java-options) and ./airlines etl, not by the server's settings. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("AIRLINES_JAVA_OPTS", "AIRLINES_TRAFFIC_AIRCRAFT",
            "AIRLINES_BENCH_JAVA_OPTS", "AIRLINES_SERVER_URL");
    /** Properties that are not user settings: the API path the larger body limit applies to. */
    private static final Set<String> NOT_SETTINGS = Set.of("airlines.security.positions-path");
    /** Spring's settings the README lists, with the property application.yml gives them under. */
    private static final Map<String, String> SERVER_SETTINGS = Map.of("SERVER_PORT", "server.port",
            "AIRLINES_BIND", "server.address", "AIRLINES_MAX_HEADER_SIZE", "server.max-http-request-header-size");

    @Test
    void every_setting_is_in_the_readme_table_under_its_variable_with_the_default_the_code_has() throws IOException {
        Map<String, String> readme = readmeDefaults();
        Map<String, String> yml = applicationYml();
        List<String> problems = new ArrayList<>();
        Set<String> known = new HashSet<>(LAUNCHER_VARIABLES);
        for (Map.Entry<String, String> property : metadataDefaults().entrySet()) {
            if (NOT_SETTINGS.contains(property.getKey())) {
                continue;
            }
            String variable = EnvironmentAliases.variableOf(property.getKey());
            known.add(variable);
            if (!readme.containsKey(variable)) {
                problems.add(variable + " (" + property.getKey() + ") is not in the README table");
            } else if (!normalize(readme.get(variable)).equals(normalize(property.getValue()))) {
                problems.add(variable + ": README says '" + readme.get(variable) + "', the code '" + property.getValue() + "'");
            }
        }
        SERVER_SETTINGS.forEach((variable, property) -> {
            known.add(variable);
            if (!normalize(readme.get(variable)).equals(normalize(yml.get(property)))) {
                problems.add(variable + ": README says '" + readme.get(variable) + "', application.yml '" + yml.get(property) + "'");
            }
        });
        yml.keySet().stream().filter(p -> p.startsWith("airlines.")).forEach(p ->
                problems.add(p + " is in application.yml: its default belongs in its settings record"));
        readme.keySet().stream().filter(v -> !known.contains(v)).forEach(v -> problems.add(v + " is in the README but sets nothing"));
        assertThat(problems).isEmpty();
    }

    @Test
    void an_alias_sets_its_setting_and_every_lufthansa_variable_sets_the_lufthansa_client() {
        assertThat(EnvironmentAliases.aliased(Map.of("MONGODB_URI", "mongodb://db", "LUFTHANSA_CLIENT_ID", "me",
                "AIRLINES_TRACK_MODE", "full", "AIRLINES_STORE_WRITERS", "3", "PATH", "/bin")))
                .containsOnly(Map.entry("airlines.mongo.uri", "mongodb://db"),
                        Map.entry("airlines.lufthansa.client-id", "me"),
                        Map.entry("airlines.store.track-mode", "full"));
        assertThat(EnvironmentAliases.variableOf("airlines.lufthansa.max-retry-after")).isEqualTo("LUFTHANSA_MAX_RETRY_AFTER");
        assertThat(EnvironmentAliases.variableOf("airlines.store.writers")).isEqualTo("AIRLINES_STORE_WRITERS");
    }

    /** Blank, null and the README's "(none)" are the same; lists lose brackets and blanks; booleans and case are as written. */
    static String normalize(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        if (v.equals("(none)") || v.equals("null")) {
            return "";
        }
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1).replace(" ", "");
        }
        return v;
    }

    /** Variable → default, from the rows of README's configuration table ({@code `A` / `B`} rows pair up). */
    public static Map<String, String> readmeDefaults() throws IOException {
        String text = Files.readString(Path.of("README.md"));
        String table = text.substring(text.indexOf("## Configuration"), text.indexOf("\n## ", text.indexOf("## Configuration") + 5));
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split(" \\| ");
            String[] variables = cells[0].substring(2).split(" / ");
            String[] values = cells[1].split(" / ");
            for (int i = 0; i < variables.length; i++) {
                String value = values[values.length == variables.length ? i : 0];
                defaults.put(unquote(variables[i]), unquote(value));
            }
        }
        return defaults;
    }

    private static String unquote(String cell) {
        String c = cell.strip();
        return c.startsWith("`") && c.endsWith("`") ? c.substring(1, c.length() - 1) : c;
    }

    /** Every value of application.yml by its flattened property name. */
    static Map<String, String> applicationYml() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
                flatten("", document, out);
            }
        }
        return out;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
        } else if (node != null) {
            out.put(prefix, node.toString());
        }
    }

    /** Property → default of every {@code airlines.*} setting, as the settings records declare it. */
    static Map<String, String> metadataDefaults() throws IOException {
        Path metadata = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(metadata));
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode property : root.path("properties")) {
            JsonNode value = property.get("defaultValue");
            String text = value == null || value.isNull() ? null
                    : value.isArray() ? value.toString().replace("\"", "") : value.asString();
            out.put(property.path("name").asString(), text);
        }
        return out;
    }
}
