package io.airlines.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ranking of autocomplete over the shipped open data set: what a traveller means comes first. */
class PlaceSearchTest {

    static final PlaceSearch SEARCH = shipped();

    static PlaceSearch shipped() {
        ReferenceCatalog catalog = new ReferenceCatalog(null);
        catalog.seed(OfflineReference.load());
        return new PlaceSearch(catalog);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Paris, PAR", "paris, PAR", "Par, PAR", "London, LON", "Lond, LON", "New York, NYC", "new y, NYC",
            "Francfort, FRA", "Frankfurt, FRA", "Londres, LON", "Genève, GVA", "Geneve, GVA", "GENEVE, GVA",
            "Munchen, MUC", "München, MUC", "Munich, MUC", "Zurich, ZRH", "Zürich, ZRH", "Bruxelles, BRU",
            "Vienne, VIE", "Wien, VIE", "Pékin, BJS", "Pekin, BJS", "Moscou, MOW", "Milan, MIL", "Rome, ROM"})
    void the_city_a_traveller_means_comes_first(String query, String code) {
        assertThat(SEARCH.search(query, 10)).first().extracting(Place::code).isEqualTo(code);
    }

    @Test
    void a_city_of_several_airports_is_followed_by_its_airports_biggest_first_then_namesakes() {
        List<Place> paris = SEARCH.search("Paris", 10);
        assertThat(paris).extracting(Place::code).startsWith("PAR", "CDG", "ORY");
        assertThat(paris.get(0)).extracting(Place::type, Place::country).containsExactly("city", "FR");
        assertThat(paris).extracting(Place::code).contains("PRX").last().isNotEqualTo("PAR");
        assertThat(SEARCH.search("New York", 5)).extracting(Place::code).startsWith("NYC", "EWR", "JFK", "LGA");
    }

    @Test
    void the_word_inside_a_name_comes_after_names_starting_with_the_query() {
        List<String> london = SEARCH.search("London", 20).stream().map(Place::code).toList();
        assertThat(london.indexOf("ELS")).isGreaterThan(london.indexOf("LHR"));
    }

    @Test
    void a_code_still_finds_its_place_first() {
        assertThat(SEARCH.search("cdg", 5)).first().extracting(Place::code).isEqualTo("CDG");
        assertThat(SEARCH.search("BIO", 5)).first().extracting(Place::code).isEqualTo("BIO");
    }
}
