package io.airlines.alert;

import java.util.Map;

/** The English sentence of an alert ("LH400 landed at Hamburg Airport (HAM)"). */
final class AlertSentence {

    private static final Map<String, String> SQUAWKS = Map.of(
            "7500", "hijack", "7600", "radio failure", "7700", "general emergency");

    private AlertSentence() {
    }

    static String english(Alert a) {
        String who = a.who();
        return switch (a.type()) {
            case "takeoff" -> who + " took off" + place(" from ", a);
            case "landing" -> who + " landed" + place(" at ", a);
            case "emergency" -> who + ": squawk " + a.squawk() + ": " + SQUAWKS.getOrDefault(a.squawk(), "emergency");
            case "delay" -> a.delayMinutes() == null ? who + " is delayed" : who + " is expected " + a.delayMinutes() + " min late";
            case "signal_lost" -> who + ": signal lost";
            default -> who + ": " + a.type();
        };
    }

    private static String place(String preposition, Alert a) {
        if (a.airport() == null) {
            return "";
        }
        return a.airportName() == null ? preposition + a.airport() : preposition + a.airportName() + " (" + a.airport() + ")";
    }
}
