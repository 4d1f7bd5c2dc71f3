package io.airlines.reference;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A city or airport offered by autocomplete. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Place(String code, String type, String name, String city, String country, String label) {
}
