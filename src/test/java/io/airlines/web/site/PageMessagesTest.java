package io.airlines.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The page's texts scripts read: one object for every script of every page, in the page's language. */
class PageMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static JsonNode pageMessages(Locale locale) {
        return JSON.readTree(new PageMessages(messageSource(), JSON).pageMessages(locale));
    }

    @Test
    void the_alerts_the_history_page_and_the_traffic_charts_find_their_texts_in_the_page_messages() {
        JsonNode french = pageMessages(Locale.FRENCH);
        assertThat(french.path("alerts.title").asString()).isEqualTo("Alerte vol");
        assertThat(french.path("alerts.kind.airport").asString()).isEqualTo("Aéroport");
        assertThat(french.path("history.status.landed").asString()).isEqualTo("Atterri");
        assertThat(french.path("history.range").asString()).isEqualTo("{0}–{1} sur {2}");
        assertThat(french.path("traffic.delay.early").asString()).isEqualTo("en avance");
        assertThat(pageMessages(Locale.ENGLISH).path("traffic.delay.over").asString()).isEqualTo("{0}+");
    }

    @Test
    void texts_are_given_as_written_so_a_french_apostrophe_stays_one_apostrophe() {
        assertThat(pageMessages(Locale.FRENCH).path("live.events.none").asString())
                .isEqualTo("Aucun événement pour l'instant");
    }
}
