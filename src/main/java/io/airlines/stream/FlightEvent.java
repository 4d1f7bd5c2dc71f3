package io.airlines.stream;

/** Something worth telling about a flight: takeoff, landing, emergency, signal_lost, delay. */
public record FlightEvent(String id, String type, String key, String callsign, long time, Double lat, Double lon,
                          String squawk, String detail) {

    public static FlightEvent of(String type, Position p, String detail) {
        return new FlightEvent(p.key() + "-" + type + "-" + p.time(), type, p.key(), p.callsign(), p.time(),
                p.lat(), p.lon(), p.squawk(), detail);
    }
}
