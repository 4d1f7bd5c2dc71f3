package io.airlines.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deterministic demo timetable (source {@code demo}) so search works without Lufthansa
 * credentials: every airport flies to its nearest hubs and its country's nearest hub, hubs fly to
 * each other, each route by the carriers and as often as {@link DemoServices} says, at the times
 * and on the aircraft {@link DemoSchedule} says. Each flight out of a carrier's base has its flight
 * back once the aircraft is turned around, so the timetable chains into aircraft rotations as an
 * airline's does. Same airports and date → same journeys.
 */
public final class DemoTimetable {

    public static final String SOURCE = "demo";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final int NEAREST_HUBS = 2;
    /**
     * Hubs further apart than this are joined through a third hub (Frankfurt–Singapore by way of
     * Dubai): ultra-long hauls tie up an aircraft for more than a day, and the demo timetable is
     * one the default simulator fleet flies in full.
     */
    private static final double MAX_HUB_TO_HUB_KM = 8_000;

    private final List<Route> routes;

    public DemoTimetable(List<DemoAirport> airports) {
        this(airports, DemoNetwork.shipped());
    }

    DemoTimetable(List<DemoAirport> airports, DemoNetwork network) {
        Map<String, String> countryOf = new HashMap<>();
        airports.forEach(a -> countryOf.put(a.code(), a.country()));
        this.routes = routes(airports, network, new DemoServices(network, countryOf));
    }

    public int routeCount() {
        return routes.size();
    }

    public List<Journey> journeys(LocalDate date) {
        List<Journey> out = new ArrayList<>();
        for (Route r : routes) {
            for (Flown f : r.flown) {
                DemoServices.Service s = f.service;
                DemoAirport base = f.base;
                DemoAirport away = f.away;
                int h = f.hash;
                int duration = (int) Math.round((r.km / 800.0 * 60 + 35) / 5) * 5;
                for (int i = 0; i < s.flights(); i++) {
                    String aircraft = DemoSchedule.aircraft(r.km, r.trunk, h + i);
                    LocalDateTime outbound = date.atStartOfDay()
                            .plusMinutes(DemoSchedule.departureMinute(base, away, r.km, i, s.flights(), h));
                    Journey there = journey(base, away, s.carrier(), DemoSchedule.flightNumber(s.carrier(), f.firstNumber, i),
                            outbound, duration, aircraft);
                    LocalDateTime landed = LocalDateTime.parse(there.arrivalLocal());
                    int landedMinute = (int) Duration.between(date.atStartOfDay(), landed).toMinutes();
                    LocalDateTime back = date.atStartOfDay()
                            .plusMinutes(DemoSchedule.returnMinute(away, base, r.km, landedMinute));
                    out.add(there);
                    out.add(journey(away, base, s.carrier(), DemoSchedule.returnFlightNumber(s.carrier(), f.firstNumber, i),
                            back, duration, aircraft));
                }
            }
        }
        return out;
    }

    private static Journey journey(DemoAirport from, DemoAirport to, String carrier, String number,
                                   LocalDateTime depLocal, int duration, String aircraft) {
        var depUtc = depLocal.atZone(zone(from)).toInstant();
        var arrUtc = depUtc.plusSeconds(duration * 60L);
        LocalDateTime arrLocal = LocalDateTime.ofInstant(arrUtc, zone(to));
        Leg leg = new Leg(carrier, null, number, from.code(), to.code(), LOCAL.format(depLocal), LOCAL.format(arrLocal),
                aircraft, null);
        String dep = LOCAL.format(depLocal);
        return new Journey(Journey.key(from.code(), to.code(), dep, List.of(leg)), from.code(), to.code(), dep,
                LOCAL.format(arrLocal), depUtc.toString(), arrUtc.toString(), duration, 0, SOURCE, List.of(leg));
    }

    private static ZoneId zone(DemoAirport a) {
        try {
            return ZoneId.of(a.timeZone());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static List<Route> routes(List<DemoAirport> airports, DemoNetwork network, DemoServices services) {
        List<DemoAirport> hubs = airports.stream().filter(a -> network.isHub(a.code())).toList();
        Set<String> pairs = new TreeSet<>();
        for (DemoAirport a : airports) {
            boolean hub = network.isHub(a.code());
            List<DemoAirport> byDistance = hubs.stream().filter(h -> !h.code().equals(a.code()))
                    .sorted(Comparator.comparingDouble(h -> km(a, h))).toList();
            List<DemoAirport> served = new ArrayList<>(hub
                    ? byDistance.stream().filter(h -> km(a, h) <= MAX_HUB_TO_HUB_KM).toList()
                    : nearestHubs(a, byDistance));
            byDistance.stream().filter(h -> h.country().equals(a.country())).findFirst().ifPresent(served::add);
            served.forEach(h -> pairs.add(a.code().compareTo(h.code()) < 0 ? a.code() + "-" + h.code()
                    : h.code() + "-" + a.code()));
        }
        Map<String, DemoAirport> byCode = new HashMap<>();
        airports.forEach(a -> byCode.put(a.code(), a));
        List<Route> routes = new ArrayList<>();
        FlightNumbers numbers = new FlightNumbers();
        for (String p : pairs) {
            DemoAirport from = byCode.get(p.substring(0, 3));
            DemoAirport to = byCode.get(p.substring(4));
            double km = km(from, to);
            List<Flown> flown = new ArrayList<>();
            for (DemoServices.Service s : services.of(from, to, km)) {
                DemoAirport base = s.base().equals(from.code()) ? from : to;
                DemoAirport away = base == from ? to : from;
                int h = hash(base.code() + away.code() + s.carrier());
                flown.add(new Flown(s, base, away, h, DemoSchedule.firstNumber(numbers, s.carrier(), km, s.flights(), h)));
            }
            routes.add(new Route(from, to, km, network.isHub(from.code()) && network.isHub(to.code()), flown));
        }
        return routes;
    }

    /** The nearest hub, and the next ones if not a long haul away (a long haul to one hub is flight enough). */
    private static List<DemoAirport> nearestHubs(DemoAirport spoke, List<DemoAirport> byDistance) {
        List<DemoAirport> served = new ArrayList<>();
        for (DemoAirport hub : byDistance.subList(0, Math.min(NEAREST_HUBS, byDistance.size()))) {
            if (served.isEmpty() || km(spoke, hub) < DemoSchedule.LONG_HAUL_KM) {
                served.add(hub);
            }
        }
        return served;
    }

    /** Great-circle distance in km. */
    public static double km(DemoAirport a, DemoAirport b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double s = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(s), Math.sqrt(1 - s));
    }

    /** A stable hash: String.hashCode is specified, spread by MurmurHash3's finalizer so near keys differ in every bit. */
    static int hash(String s) {
        int h = s.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private record Route(DemoAirport from, DemoAirport to, double km, boolean trunk, List<Flown> flown) {
    }

    /** A carrier's service on a route from its base, and the first of its flight numbers. */
    private record Flown(DemoServices.Service service, DemoAirport base, DemoAirport away, int hash, int firstNumber) {
    }
}
