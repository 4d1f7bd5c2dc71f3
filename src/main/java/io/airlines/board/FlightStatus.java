package io.airlines.board;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a timetabled flight stands now, as a board shows it. In JSON and on pages' data
 * attributes it is the lower-case name ({@code no_data}); people read it through the message
 * {@code board.status.<token>}.
 */
public enum FlightStatus {
    /** Not seen yet, and its time has not passed by the delay threshold. */
    SCHEDULED,
    /** Not departed yet, and its time has passed by the delay threshold: how late is at least known. */
    DELAYED,
    /** Off block: pushed back or taxiing out, not in the air yet. */
    DEPARTED,
    /** Took off (or was first seen in the air) and has not landed. */
    AIRBORNE,
    /** Landed, or arrived on block. */
    LANDED,
    /** The timetable announces it cancelled. */
    CANCELLED,
    /** Its time is well past and nothing was seen of it: not departed as far as we know, or lost in flight. */
    NO_DATA;

    @JsonValue
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "board.status." + token();
    }
}
