package io.airlines.schedule;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A searched origin or destination: an airport, or a city covering several airports. */
public record Endpoint(String code, String type, String name, @JsonIgnore String timetableKey) {
}
