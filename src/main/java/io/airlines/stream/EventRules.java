package io.airlines.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pure detection of flight events from a flight's previous and current enriched positions. A
 * takeoff or landing names the airport where it happened (the nearest one), not the flight's
 * planned origin or destination: a diversion, or a transponder reused for another flight, would
 * otherwise be reported at an airport thousands of kilometres away.
 */
public final class EventRules {

    public static final Set<String> EMERGENCY_SQUAWKS = Set.of("7500", "7600", "7700");
    public static final int DELAY_THRESHOLD_MINUTES = 15;

    private EventRules() {
    }

    public static List<FlightEvent> detect(Position previous, Position current, ReferenceData ref) {
        List<FlightEvent> events = new ArrayList<>(1);
        if (current.squawk() != null && EMERGENCY_SQUAWKS.contains(current.squawk())
                && (previous == null || !current.squawk().equals(previous.squawk()))) {
            events.add(FlightEvent.of("emergency", current, "squawk " + current.squawk() + " (" + meaning(current.squawk()) + ")"));
        }
        if (previous != null) {
            boolean wasGround = "ground".equals(previous.phase());
            boolean isGround = "ground".equals(current.phase());
            if (wasGround && !isGround) {
                events.add(FlightEvent.of("takeoff", current, where("from ", current, ref)));
            } else if (!wasGround && isGround) {
                events.add(FlightEvent.of("landing", current, where("at ", current, ref)));
            }
        }
        if (current.delayMinutes() != null && current.delayMinutes() > DELAY_THRESHOLD_MINUTES
                && (previous == null || previous.delayMinutes() == null || previous.delayMinutes() <= DELAY_THRESHOLD_MINUTES)) {
            events.add(FlightEvent.of("delay", current, "predicted " + current.delayMinutes() + " min late"));
        }
        return events;
    }

    private static String where(String preposition, Position p, ReferenceData ref) {
        ReferenceData.Airport airport = ref.airportAt(p.lat(), p.lon());
        return airport == null ? null : preposition + airport.code();
    }

    public static FlightEvent signalLost(Position last, long silentForMs) {
        return FlightEvent.of("signal_lost", last, "no position for " + silentForMs / 1000 + " s");
    }

    /** What an emergency squawk means, in English. */
    public static String meaning(String squawk) {
        return switch (squawk) {
            case "7500" -> "hijack";
            case "7600" -> "radio failure";
            default -> "general emergency";
        };
    }
}
