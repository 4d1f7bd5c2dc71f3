package io.airlines.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deterministic demo timetable (source {@code demo}) so search works without Lufthansa
 * credentials: every airport flies to its nearest hubs and neighbour, hubs fly to each other,
 * once a day at a time derived from the route. Same airports and date → same journeys.
 */
public final class DemoTimetable {

    public static final String SOURCE = "demo";

    static final List<String> HUBS = List.of("FRA", "MUC", "CDG", "LHR", "AMS", "MAD", "FCO", "IST", "ZRH", "VIE",
            "CPH", "DXB", "DOH", "JFK", "ATL", "ORD", "LAX", "DFW", "YYZ", "GRU", "MEX", "SIN", "HKG", "NRT",
            "ICN", "PEK", "PVG", "DEL", "BOM", "SYD", "JNB", "CAI", "BKK", "KUL");

    /** Home carrier by country; other countries get one of {@link #FALLBACK_CARRIERS}. */
    static final Map<String, String> HOME_CARRIER = Map.ofEntries(
            Map.entry("DE", "LH"), Map.entry("FR", "AF"), Map.entry("GB", "BA"), Map.entry("NL", "KL"),
            Map.entry("ES", "IB"), Map.entry("IT", "AZ"), Map.entry("CH", "LX"), Map.entry("AT", "OS"),
            Map.entry("BE", "SN"), Map.entry("DK", "SK"), Map.entry("SE", "SK"), Map.entry("NO", "SK"),
            Map.entry("FI", "AY"), Map.entry("PT", "TP"), Map.entry("IE", "EI"), Map.entry("PL", "LO"),
            Map.entry("TR", "TK"), Map.entry("AE", "EK"), Map.entry("QA", "QR"), Map.entry("US", "UA"),
            Map.entry("CA", "AC"), Map.entry("MX", "AM"), Map.entry("BR", "LA"), Map.entry("AR", "AR"),
            Map.entry("CL", "LA"), Map.entry("CO", "AV"), Map.entry("SG", "SQ"), Map.entry("HK", "CX"),
            Map.entry("JP", "NH"), Map.entry("KR", "KE"), Map.entry("CN", "CA"), Map.entry("IN", "AI"),
            Map.entry("AU", "QF"), Map.entry("NZ", "NZ"), Map.entry("ZA", "SA"), Map.entry("EG", "MS"),
            Map.entry("TH", "TG"), Map.entry("MY", "MH"), Map.entry("ID", "GA"), Map.entry("SA", "SV"),
            Map.entry("MA", "AT"), Map.entry("ET", "ET"), Map.entry("KE", "KQ"), Map.entry("GR", "A3"),
            Map.entry("RU", "SU"), Map.entry("IL", "LY"), Map.entry("PH", "PR"), Map.entry("VN", "VN"));
    static final List<String> FALLBACK_CARRIERS = List.of("LH", "AF", "BA", "EK", "QR", "TK", "UA", "DL");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final int NEAREST_HUBS = 3;

    private final List<Route> routes;
    private final Map<String, DemoAirport> airports;

    public DemoTimetable(List<DemoAirport> airports) {
        this.airports = new java.util.HashMap<>();
        airports.forEach(a -> this.airports.put(a.code(), a));
        this.routes = routes(airports);
    }

    public int routeCount() {
        return routes.size();
    }

    public List<Journey> journeys(LocalDate date) {
        List<Journey> out = new ArrayList<>(routes.size());
        for (Route r : routes) {
            out.add(journey(r, date));
        }
        return out;
    }

    private Journey journey(Route r, LocalDate date) {
        DemoAirport from = airports.get(r.from);
        DemoAirport to = airports.get(r.to);
        int h = hash(r.from + r.to);
        int departureMinute = 360 + Math.floorMod(h, 16 * 12) * 5; // 06:00 .. 21:55, 5-minute steps
        int duration = (int) Math.round((r.km / 800.0 * 60 + 35) / 5) * 5;
        LocalDateTime depLocal = date.atStartOfDay().plusMinutes(departureMinute);
        ZoneId fromZone = zone(from);
        ZoneId toZone = zone(to);
        var depUtc = depLocal.atZone(fromZone).toInstant();
        var arrUtc = depUtc.plusSeconds(duration * 60L);
        LocalDateTime arrLocal = LocalDateTime.ofInstant(arrUtc, toZone);
        String carrier = carrier(from, to, h);
        String flightNumber = carrier + (100 + Math.floorMod(hash(r.to + r.from + carrier), 8900));
        Leg leg = new Leg(carrier, null, flightNumber, r.from, r.to, LOCAL.format(depLocal), LOCAL.format(arrLocal),
                aircraft(r.km, h), null);
        String dep = LOCAL.format(depLocal);
        return new Journey(Journey.key(r.from, r.to, dep, List.of(leg)), r.from, r.to, dep, LOCAL.format(arrLocal),
                depUtc.toString(), arrUtc.toString(), duration, 0, SOURCE, List.of(leg));
    }

    static String carrier(DemoAirport from, DemoAirport to, int hash) {
        String home = HOME_CARRIER.get(from.country());
        if (home == null) {
            home = HOME_CARRIER.get(to.country());
        }
        return home != null ? home : FALLBACK_CARRIERS.get(Math.floorMod(hash, FALLBACK_CARRIERS.size()));
    }

    static String aircraft(double km, int hash) {
        List<String> types = km < 800 ? List.of("E90", "CR9", "DH4", "E95")
                : km < 3000 ? List.of("320", "32N", "73H", "321", "319")
                : km < 6500 ? List.of("788", "333", "763", "332")
                : List.of("359", "77W", "789", "388", "744");
        return types.get(Math.floorMod(hash >>> 3, types.size()));
    }

    private static ZoneId zone(DemoAirport a) {
        try {
            return ZoneId.of(a.timeZone());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static List<Route> routes(List<DemoAirport> airports) {
        List<DemoAirport> hubs = airports.stream().filter(a -> HUBS.contains(a.code())).toList();
        Set<String> pairs = new TreeSet<>();
        for (DemoAirport a : airports) {
            hubs.stream().filter(h -> !h.code().equals(a.code()))
                    .sorted(Comparator.comparingDouble(h -> km(a, h)))
                    .limit(HUBS.contains(a.code()) ? hubs.size() : NEAREST_HUBS)
                    .forEach(h -> {
                        pairs.add(a.code() + "-" + h.code());
                        pairs.add(h.code() + "-" + a.code());
                    });
        }
        Map<String, DemoAirport> byCode = new java.util.HashMap<>();
        airports.forEach(a -> byCode.put(a.code(), a));
        List<Route> routes = new ArrayList<>();
        for (String p : pairs) {
            DemoAirport from = byCode.get(p.substring(0, 3));
            DemoAirport to = byCode.get(p.substring(4));
            routes.add(new Route(from.code(), to.code(), km(from, to)));
        }
        return routes;
    }

    /** Great-circle distance in km. */
    public static double km(DemoAirport a, DemoAirport b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double s = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(s), Math.sqrt(1 - s));
    }

    /** A stable hash (String.hashCode is specified, but spread it). */
    static int hash(String s) {
        int h = s.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private record Route(String from, String to, double km) {
    }
}
