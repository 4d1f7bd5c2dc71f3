package io.airlines.flight;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The filters of the history list. An airport matches the leg's origin or destination as it is
 * now (its key may have been written under an earlier guess); an airline its ICAO code or the
 * IATA prefix of its flight number; a query the start of its flight number, callsign,
 * registration (with or without its dash) or transponder, in any case.
 */
final class LegQuery {

    private LegQuery() {
    }

    static Predicate<FlightLeg> of(String airport, String airline, String q) {
        Predicate<FlightLeg> filter = leg -> true;
        if (airport != null) {
            filter = filter.and(leg -> airport.equals(leg.origin()) || airport.equals(leg.destination()));
        }
        if (airline != null) {
            filter = filter.and(leg -> airline.equals(leg.airline())
                    || leg.flightNumber() != null && leg.flightNumber().startsWith(airline) && airline.length() == 2);
        }
        if (q != null) {
            String wanted = fold(q);
            filter = filter.and(leg -> startsWith(leg.flightNumber(), wanted) || startsWith(leg.callsign(), wanted)
                    || startsWith(leg.registration(), wanted) || startsWith(leg.transponder(), wanted));
        }
        return filter;
    }

    private static boolean startsWith(String value, String wanted) {
        return value != null && fold(value).startsWith(wanted);
    }

    /** Upper case without dashes and spaces: {@code d-aixa} is {@code DAIXA}. */
    static String fold(String s) {
        return s.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }
}
