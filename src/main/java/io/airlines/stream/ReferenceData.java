package io.airlines.stream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.airlines.aircraft.AircraftIdentities;

/**
 * An immutable snapshot of what enrichment and the simulator need from the reference collections:
 * airlines by ICAO and IATA code, airports with coordinates, the timetable by flight number, and
 * aircraft identities by address.
 */
public final class ReferenceData {

    public record Airline(String iata, String icao, String name) {
    }

    public record Airport(String code, String name, double lat, double lon) {
    }

    /** One scheduled leg, times epoch ms UTC. */
    public record Scheduled(String flightNumber, String carrier, String origin, String destination,
                            long departure, long arrival) {
    }

    /** How far from an airport's reference point a takeoff or landing still counts as at that airport. */
    public static final double AT_AIRPORT_KM = 25;

    private final Map<String, Airline> byIcao = new HashMap<>();
    private final Map<String, Airline> byIata = new HashMap<>();
    private final Map<String, Airport> airports = new HashMap<>();
    private final Map<String, String> airportCodeByName = new HashMap<>();
    private final Map<String, List<Scheduled>> timetable = new HashMap<>();
    private final List<Scheduled> legs;
    private final AircraftIdentities aircraft;
    private final NearestAirports nearest;

    /** With aircraft identities from the address rules only (no aircraft database). */
    public ReferenceData(Collection<Airline> airlines, Collection<Airport> airportList, Collection<Scheduled> schedule) {
        this(airlines, airportList, schedule, AircraftIdentities.withoutDatabase());
    }

    public ReferenceData(Collection<Airline> airlines, Collection<Airport> airportList, Collection<Scheduled> schedule,
                         AircraftIdentities aircraft) {
        this.aircraft = aircraft;
        for (Airline a : airlines) {
            if (a.icao() != null) {
                byIcao.putIfAbsent(a.icao().toUpperCase(Locale.ROOT), a);
            }
            if (a.iata() != null) {
                byIata.putIfAbsent(a.iata().toUpperCase(Locale.ROOT), a);
            }
        }
        for (Airport a : airportList) {
            airports.putIfAbsent(a.code(), a);
            if (a.name() != null) {
                airportCodeByName.putIfAbsent(normalizeName(a.name()), a.code());
            }
        }
        for (Scheduled s : schedule) {
            timetable.computeIfAbsent(s.flightNumber(), k -> new ArrayList<>()).add(s);
        }
        this.legs = List.copyOf(schedule);
        this.nearest = new NearestAirports(airports.values());
    }

    public static ReferenceData builtIn() {
        return new ReferenceData(BuiltIns.AIRLINES, BuiltIns.AIRPORTS, List.of());
    }

    public AircraftIdentities aircraft() {
        return aircraft;
    }

    public Airline airlineByIcao(String icao) {
        return icao == null ? null : byIcao.get(icao.toUpperCase(Locale.ROOT));
    }

    public Airline airlineByIata(String iata) {
        return iata == null ? null : byIata.get(iata.toUpperCase(Locale.ROOT));
    }

    public Airport airport(String code) {
        return code == null ? null : airports.get(code.toUpperCase(Locale.ROOT));
    }

    /** A code as is, or the code of an airport known by this name ("Frankfurt Airport" → FRA). */
    public String airportCode(String codeOrName) {
        if (codeOrName == null) {
            return null;
        }
        if (airports.containsKey(codeOrName.toUpperCase(Locale.ROOT))) {
            return codeOrName.toUpperCase(Locale.ROOT);
        }
        return airportCodeByName.get(normalizeName(codeOrName));
    }

    /**
     * The airport where an aircraft at this point takes off or lands: the nearest one within
     * {@link #AT_AIRPORT_KM}, or null. The radius covers runways kilometres long and the first
     * position seen after lift-off; where airports lie closer together the nearest wins.
     */
    public Airport airportAt(double lat, double lon) {
        return nearest.nearest(lat, lon, AT_AIRPORT_KM);
    }

    public Collection<Airport> airports() {
        return airports.values();
    }

    /**
     * Airports worth flying between: those of the timetable when there is one, else the built-in
     * hubs (not every airstrip of the open data set).
     */
    public List<Airport> hubs() {
        TreeSet<String> codes = new TreeSet<>();
        for (Scheduled s : legs) {
            codes.add(s.origin());
            codes.add(s.destination());
        }
        if (codes.size() < 2) {
            BuiltIns.AIRPORTS.forEach(a -> codes.add(a.code()));
        }
        List<Airport> out = new ArrayList<>();
        for (String c : codes) {
            Airport a = airports.get(c);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    public List<Scheduled> legs() {
        return legs;
    }

    /** The leg of this flight number flying around {@code time}, if the timetable has one. */
    public Scheduled scheduled(String flightNumber, long time) {
        List<Scheduled> candidates = flightNumber == null ? null : timetable.get(flightNumber);
        if (candidates == null) {
            return null;
        }
        Scheduled best = null;
        long bestGap = Long.MAX_VALUE;
        for (Scheduled s : candidates) {
            long gap = time < s.departure() ? s.departure() - time : time > s.arrival() ? time - s.arrival() : 0;
            if (gap < bestGap && gap < 6 * 3_600_000L) {
                best = s;
                bestGap = gap;
            }
        }
        return best;
    }

    static String normalizeName(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replace("international", "")
                .replace("airport", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
    }
}
