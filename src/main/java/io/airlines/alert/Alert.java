package io.airlines.alert;

import io.airlines.stream.FlightEvent;
import io.airlines.stream.Position;
import io.airlines.stream.ReferenceData;

/**
 * A flight event as told to people and programs: the event's fields, what is known of the flight
 * (flight number, registration, route) from its latest position, the airport where it happened,
 * and an English sentence. Pages in other languages make their sentence from the fields.
 */
record Alert(String id, String type, long time, String key, String flight, String callsign, String registration,
             String airport, String airportName, String origin, String destination, String squawk,
             Integer delayMinutes, String detail, String sentence) {

    /**
     * {@code latest} is the flight's latest position (null when unknown); a takeoff or landing
     * names the airport nearest to where it happened, as the event itself does.
     */
    static Alert of(FlightEvent e, Position latest, ReferenceData ref) {
        ReferenceData.Airport at = happensAtAirport(e) && e.lat() != null && e.lon() != null
                ? ref.airportAt(e.lat(), e.lon()) : null;
        String flight = latest == null ? null : latest.flightNumber();
        String callsign = e.callsign() != null ? e.callsign() : latest == null ? null : latest.callsign();
        Integer delay = latest == null ? null : latest.delayMinutes();
        Alert unsaid = new Alert(e.id(), e.type(), e.time(), e.key(), flight, callsign,
                latest == null ? null : latest.registration(),
                at == null ? null : at.code(), at == null ? null : at.name(),
                latest == null ? null : latest.origin(), latest == null ? null : latest.destination(),
                e.squawk(), delay, e.detail(), null);
        return unsaid.withSentence(AlertSentence.english(unsaid));
    }

    private static boolean happensAtAirport(FlightEvent e) {
        return "takeoff".equals(e.type()) || "landing".equals(e.type());
    }

    private Alert withSentence(String text) {
        return new Alert(id, type, time, key, flight, callsign, registration, airport, airportName, origin,
                destination, squawk, delayMinutes, detail, text);
    }

    /** The flight as people name it: its flight number, else its callsign, else its transponder. */
    String who() {
        return flight != null ? flight : callsign != null ? callsign : key;
    }
}
