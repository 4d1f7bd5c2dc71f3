package io.airlines.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The page texts: every key in both languages, and every key used by a template, a script or the
 * code, by its name or by a prefix a name is made from ({@code 'history.status.' + status}).
 */
class MessageKeysTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    /** A quoted prefix a script or template completes: {@code 'board.status.' +}, {@code `js.event.${type}`}. */
    private static final Pattern WEB_PREFIX = Pattern.compile("['\"`]([a-z][\\w.]*\\.)(?:\\$\\{|['\"`])");
    /** A prefix the code completes: {@code "board.status." + token}, {@code word("stats.etl.job.", …)}. */
    private static final Pattern CODE_PREFIX = Pattern.compile("\"([a-z][\\w.]*\\.)\"\\s*(?:\\+|,)");

    @Test
    void every_key_is_in_both_languages() {
        assertThat(keys("messages_fr.properties")).containsExactlyInAnyOrderElementsOf(keys("messages.properties"));
    }

    @Test
    void every_key_is_used_by_a_template_a_script_or_the_code() {
        String web = text(RESOURCES.resolve("templates"), RESOURCES.resolve("static"));
        String code = text(Path.of("src", "main", "java"));
        Set<String> prefixes = new TreeSet<>(matches(WEB_PREFIX, web));
        prefixes.addAll(matches(CODE_PREFIX, code).stream()
                .filter(p -> !PageMessages.SCRIPT_PREFIXES.contains(p)).toList());
        String everything = web + code;
        assertThat(keys("messages.properties").stream()
                .filter(key -> prefixes.stream().noneMatch(key::startsWith))
                .filter(key -> !Pattern.compile("(?<![\\w.])" + Pattern.quote(key) + "(?![\\w])").matcher(everything).find()))
                .as("keys nothing uses").isEmpty();
    }

    /** Scripts get their texts as written, not through MessageFormat: an apostrophe is one, never doubled. */
    @Test
    void script_texts_carry_no_message_format_quoting() {
        for (String file : List.of("messages.properties", "messages_fr.properties")) {
            Properties texts = load(file);
            assertThat(texts.stringPropertyNames().stream()
                    .filter(key -> PageMessages.SCRIPT_PREFIXES.stream().anyMatch(key::startsWith))
                    .filter(key -> texts.getProperty(key).contains("''")))
                    .as(file).isEmpty();
        }
    }

    private static Set<String> keys(String file) {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) {
        Properties texts = new Properties();
        try (Reader in = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            texts.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static List<String> matches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.results().map(r -> r.group(1)).toList();
    }

    private static String text(Path... roots) {
        return Stream.of(roots).flatMap(MessageKeysTest::files).map(MessageKeysTest::read).collect(Collectors.joining("\n"));
    }

    private static Stream<Path> files(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(f -> f.toString().matches(".*\\.(html|js|java)$")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
