package io.airlines.schedule;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of {@code /api/v1/flights/search}; {@code returnDate} and {@code return} are null for one-way. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchResult(Endpoint from, Endpoint to, String date, String returnDate, List<Journey> outbound,
                           @JsonProperty("return") List<Journey> inbound) {
}
