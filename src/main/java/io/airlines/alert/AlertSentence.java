package io.airlines.alert;

import io.airlines.stream.EventRules;

/** The English sentence of an alert ("LH400 landed at Hamburg Airport (HAM)"). */
final class AlertSentence {

    private AlertSentence() {
    }

    static String english(Alert a) {
        String who = a.who();
        return switch (a.type()) {
            case "takeoff" -> who + " took off" + place(" from ", a);
            case "landing" -> who + " landed" + place(" at ", a);
            case "emergency" -> who + ": squawk " + a.squawk() + ": " + squawkMeaning(a.squawk());
            case "delay" -> a.delayMinutes() == null ? who + " is delayed" : who + " is expected " + a.delayMinutes() + " min late";
            case "signal_lost" -> who + ": signal lost";
            default -> who + ": " + a.type();
        };
    }

    /** An alert's squawk is one of the emergency codes, unless a program sent another: then just "emergency". */
    private static String squawkMeaning(String squawk) {
        return squawk != null && EventRules.EMERGENCY_SQUAWKS.contains(squawk) ? EventRules.meaning(squawk) : "emergency";
    }

    private static String place(String preposition, Alert a) {
        if (a.airport() == null) {
            return "";
        }
        return a.airportName() == null ? preposition + a.airport() : preposition + a.airportName() + " (" + a.airport() + ")";
    }
}
