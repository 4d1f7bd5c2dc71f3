package io.airlines.schedule;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Keys of the documents a search reads by {@code _id}: one timetable per local departure date,
 * origin and destination, where origin and destination are an airport ({@code A:CDG}) or a city
 * of several airports ({@code C:PAR}); one board per local date and airport. Dates come first so
 * that each day's documents are written side by side (see {@link Journey#key}).
 */
final class TimetableKeys {

    private TimetableKeys() {
    }

    public static String airport(String code) {
        return "A:" + code;
    }

    public static String city(String code) {
        return "C:" + code;
    }

    public static String timetable(String from, String to, String date) {
        return date + "|" + from + "|" + to;
    }

    public static String board(String airport, String date) {
        return date + "|" + airport;
    }

    /**
     * Every timetable a journey belongs to: airport to airport, and the same with the city of
     * either end when that city groups several airports ({@code cityKey} gives it, or null).
     */
    public static Set<String> timetablesOf(Journey j, Function<String, String> cityKey) {
        Set<String> from = endsOf(j.origin(), cityKey);
        Set<String> to = endsOf(j.destination(), cityKey);
        Set<String> keys = new LinkedHashSet<>();
        for (String f : from) {
            for (String t : to) {
                keys.add(timetable(f, t, j.date()));
            }
        }
        return keys;
    }

    private static Set<String> endsOf(String airport, Function<String, String> cityKey) {
        Set<String> ends = new LinkedHashSet<>();
        ends.add(airport(airport));
        String city = cityKey.apply(airport);
        if (city != null) {
            ends.add(city);
        }
        return ends;
    }
}
