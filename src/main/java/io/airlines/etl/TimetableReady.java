package io.airlines.etl;

/**
 * Published once a start's offline load has written the timetable the simulator reads (the demo
 * days up to tomorrow), or has none to write: what the store holds then is the timetable of the
 * coming day, so the simulator can plan its whole fleet on it.
 *
 * @param source what the timetable is, for the log
 */
public record TimetableReady(String source) {
}
