package io.airlines.alert;

import java.util.Objects;

import io.airlines.stream.Enrichment;
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
     * {@code latest} is the flight's latest position in the live view (null when unknown); it tells
     * the flight number, route, registration and delay unless it is already another flight's (the
     * callsign changed since the event), in which case enrichment names the flight from the event's
     * own callsign. A takeoff or landing names the airport nearest to where it happened, as the
     * event itself does.
     */
    static Alert of(FlightEvent e, Position latest, ReferenceData ref) {
        Position known = latest != null && Objects.equals(latest.callsign(), e.callsign()) ? latest : named(e, ref);
        ReferenceData.Airport at = happensAtAirport(e) && e.lat() != null && e.lon() != null
                ? ref.airportAt(e.lat(), e.lon()) : null;
        Alert unsaid = new Alert(e.id(), e.type(), e.time(), e.key(), known.flightNumber(),
                e.callsign() != null ? e.callsign() : known.callsign(), known.registration(),
                at == null ? null : at.code(), at == null ? null : at.name(), known.origin(), known.destination(),
                e.squawk(), known.delayMinutes(), e.detail(), null);
        return unsaid.withSentence(AlertSentence.english(unsaid));
    }

    private static Position named(FlightEvent e, ReferenceData ref) {
        Position observed = Position.observed(e.key(), e.callsign(), e.lat() == null ? 0 : e.lat(),
                e.lon() == null ? 0 : e.lon(), null, null, null, null, e.squawk(), null, null, e.time());
        return Enrichment.enrich(observed, null, ref);
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
