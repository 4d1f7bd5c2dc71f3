package io.airlines.web.site;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts page scripts show, in the page's language: one JSON object in the layout's
 * {@code data-messages} attribute, so scripts never carry words of their own. A script's texts are the
 * message keys under the prefixes below.
 */
@ControllerAdvice(annotations = Controller.class)
class PageMessages {

    static final List<String> SCRIPT_PREFIXES = List.of("js.", "board.", "live.status.", "live.emergency",
            "live.detail.ground", "live.detail.points", "live.events.none", "alerts.", "history.", "traffic.");

    private final MessageSource messages;
    private final JsonMapper json;
    private final List<String> keys;

    PageMessages(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
        this.keys = scriptKeys();
    }

    @ModelAttribute("pageMessages")
    public String pageMessages(Locale locale) {
        Map<String, String> texts = new TreeMap<>();
        for (String key : keys) {
            texts.put(key, messages.getMessage(key, null, key, locale));
        }
        return json.writeValueAsString(texts);
    }

    /** Every key is in the base (English) file, so its key names are the full list. */
    private static List<String> scriptKeys() {
        ResourceBundle base = ResourceBundle.getBundle("messages", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return Collections.list(base.getKeys()).stream()
                .filter(key -> SCRIPT_PREFIXES.stream().anyMatch(key::startsWith)).sorted().toList();
    }
}
