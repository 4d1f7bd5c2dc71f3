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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's configuration table is what users read: every setting must be in it, under the
 * environment variable that sets it, with the default the code really has. Defaults are read from
 * the settings records (the configuration processor's metadata) and from application.yml's
 * placeholders; all three must agree.
 */
class ConfigurationTableTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");
    /** Read by ./airlines and ./airlines etl, not by the server's settings. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("AIRLINES_JAVA_OPTS", "AIRLINES_SERVER_URL");
    /** Properties that are not user settings: the API path the larger body limit applies to. */
    private static final Set<String> NOT_SETTINGS = Set.of("airlines.security.positions-path");

    record Placeholder(String variable, String defaultValue) {
    }

    @Test
    void every_setting_is_in_the_readme_table_under_its_variable_with_the_default_the_code_has() throws IOException {
        Map<String, String> readme = readmeDefaults();
        Map<String, Placeholder> yml = placeholders();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> property : metadataDefaults().entrySet()) {
            if (NOT_SETTINGS.contains(property.getKey())) {
                continue;
            }
            Placeholder mapped = yml.get(property.getKey());
            String variable = mapped != null ? mapped.variable() : relaxedName(property.getKey());
            String expected = normalize(property.getValue());
            if (!readme.containsKey(variable)) {
                problems.add(variable + " (" + property.getKey() + ") is not in the README table");
            } else if (!normalize(readme.get(variable)).equals(expected)) {
                problems.add(variable + ": README says '" + readme.get(variable) + "', the code '" + property.getValue() + "'");
            }
            if (mapped != null && !normalize(mapped.defaultValue()).equals(expected)) {
                problems.add(variable + ": application.yml says '" + mapped.defaultValue() + "', the code '" + property.getValue() + "'");
            }
        }
        for (Placeholder p : yml.values()) {
            if (!readme.containsKey(p.variable())) {
                problems.add(p.variable() + " (application.yml) is not in the README table");
            } else if (!normalize(readme.get(p.variable())).equals(normalize(p.defaultValue()))) {
                problems.add(p.variable() + ": README says '" + readme.get(p.variable()) + "', application.yml '" + p.defaultValue() + "'");
            }
        }
        Set<String> known = new HashSet<>(LAUNCHER_VARIABLES);
        yml.values().forEach(p -> known.add(p.variable()));
        metadataDefaults().keySet().forEach(name -> known.add(relaxedName(name)));
        readme.keySet().stream().filter(v -> !known.contains(v)).forEach(v -> problems.add(v + " is in the README but sets nothing"));
        assertThat(problems).isEmpty();
    }

    /** How Spring Boot names a property in the environment: {@code airlines.store.bucket-span} → {@code AIRLINES_STORE_BUCKET_SPAN}. */
    static String relaxedName(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
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
    static Map<String, String> readmeDefaults() throws IOException {
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

    /** Property → placeholder, for every {@code ${VARIABLE:default}} in application.yml. */
    static Map<String, Placeholder> placeholders() throws IOException {
        Map<String, Placeholder> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
                flatten("", document, out);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Placeholder> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
        } else if (node != null) {
            Matcher m = PLACEHOLDER.matcher(node.toString());
            if (m.matches()) {
                out.put(prefix, new Placeholder(m.group(1), m.group(2)));
            }
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
