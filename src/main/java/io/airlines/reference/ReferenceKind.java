package io.airlines.reference;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The five reference collections, each with its natural key (also its {@code _id}, because the
 * embedded store only answers {@code _id} and unique-index lookups quickly) and the Lufthansa
 * Open API list that feeds it.
 */
public enum ReferenceKind {
    COUNTRIES("countries", "country_code", "countries"),
    CITIES("cities", "city_code", "cities"),
    AIRPORTS("airports", "airport_code", "airports"),
    AIRLINES("airlines", "airline_id", "airlines"),
    AIRCRAFT("aircraft", "aircraft_code", "aircraft");

    private final String collection;
    private final String keyField;
    private final String apiList;

    ReferenceKind(String collection, String keyField, String apiList) {
        this.collection = collection;
        this.keyField = keyField;
        this.apiList = apiList;
    }

    public String collection() {
        return collection;
    }

    public String keyField() {
        return keyField;
    }

    /** Path segment under {@code /mds-references/}. */
    public String apiList() {
        return apiList;
    }

    public static Optional<ReferenceKind> byCollection(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.collection.equals(n)).findFirst();
    }
}
