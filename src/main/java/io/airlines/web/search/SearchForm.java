package io.airlines.web.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the person typed in the search form, as raw text, and its validation. Errors are message
 * keys per field so they are shown in the person's language next to the field.
 */
public record SearchForm(String from, String to, String date, String returnDate) {

    private static final Pattern CODE = Pattern.compile("^\\s*([A-Za-z]{3})\\s*$");
    private static final Pattern CODE_IN_LABEL = Pattern.compile("\\(([A-Za-z]{3})\\)");

    public SearchForm {
        from = trim(from);
        to = trim(to);
        date = trim(date);
        returnDate = trim(returnDate);
    }

    /** Nothing asked yet: show the empty form, no errors. */
    public boolean blank() {
        return from.isEmpty() && to.isEmpty() && date.isEmpty() && returnDate.isEmpty();
    }

    /** A three-letter code typed alone or picked from a label such as "Paris (PAR) — all airports". */
    public static Optional<String> code(String place) {
        Matcher plain = CODE.matcher(place);
        if (plain.matches()) {
            return Optional.of(plain.group(1).toUpperCase(Locale.ROOT));
        }
        Matcher inLabel = CODE_IN_LABEL.matcher(place);
        return inLabel.find() ? Optional.of(inLabel.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /** Field name → message key of what is wrong with the form as typed (place names are checked later). */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (from.isEmpty()) {
            errors.put("from", "search.error.from.required");
        }
        if (to.isEmpty()) {
            errors.put("to", "search.error.to.required");
        }
        if (!from.isEmpty() && from.equalsIgnoreCase(to)) {
            errors.put("to", "search.error.to.same");
        }
        Optional<LocalDate> departure = parseDate(date);
        if (date.isEmpty()) {
            errors.put("date", "search.error.date.required");
        } else if (departure.isEmpty()) {
            errors.put("date", "search.error.date.invalid");
        }
        if (!returnDate.isEmpty()) {
            Optional<LocalDate> back = parseDate(returnDate);
            if (back.isEmpty()) {
                errors.put("return", "search.error.return.invalid");
            } else if (departure.isPresent() && back.get().isBefore(departure.get())) {
                errors.put("return", "search.error.return.before");
            }
        }
        return errors;
    }

    public static Optional<LocalDate> parseDate(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
