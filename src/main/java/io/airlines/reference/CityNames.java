package io.airlines.reference;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names travellers type for major cities besides the English one of the open data set ("Londres",
 * "München"), shipped as {@value #RESOURCE}: one city code, a tab and names separated by {@code |}.
 */
final class CityNames {

    static final String RESOURCE = "/reference/city-names.tsv";

    private CityNames() {
    }

    static Map<String, List<String>> load() {
        return parse(ShippedText.lines(RESOURCE));
    }

    static Map<String, List<String>> parse(List<String> lines) {
        Map<String, List<String>> names = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", 2);
            if (columns.length < 2) {
                throw new IllegalArgumentException("expected 'code<TAB>name|name' in " + RESOURCE + ": " + line);
            }
            names.put(columns[0].trim(), Arrays.stream(columns[1].split("\\|")).map(String::trim).toList());
        }
        return Map.copyOf(names);
    }
}
