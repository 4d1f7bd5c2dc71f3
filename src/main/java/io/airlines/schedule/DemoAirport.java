package io.airlines.schedule;

/** What the demo timetable needs of an airport. */
public record DemoAirport(String code, String country, double lat, double lon, String timeZone) {
}
