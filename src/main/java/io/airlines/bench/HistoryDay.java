package io.airlines.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.airlines.flight.FlightLeg;
import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.FlightLeg.RouteSource;
import io.airlines.stream.Position;
import org.bson.Document;

/**
 * One UTC day of flying, made up the way the sky looks: each aircraft flies a rotation from its
 * home airport, short-haul fleets between airports within a few hours of each other, long-haul
 * ones across the world, with hubs drawn far more often than small fields. Gives the legs as the
 * leg cutting would store them and, for any leg, its points as the thinned sink keeps them
 * (every 10 s near the ground, every minute in cruise).
 */
final class HistoryDay {

    /** An airport's IATA code and position. */
    record Airport(String code, double lat, double lon) {
    }

    private static final String[][] AIRLINES = {
            {"DLH", "LH", "Lufthansa"}, {"BAW", "BA", "British Airways"}, {"AFR", "AF", "Air France"},
            {"KLM", "KL", "KLM"}, {"UAL", "UA", "United"}, {"DAL", "DL", "Delta"}, {"AAL", "AA", "American"},
            {"SWA", "WN", "Southwest"}, {"RYR", "FR", "Ryanair"}, {"EZY", "U2", "easyJet"}, {"UAE", "EK", "Emirates"},
            {"QTR", "QR", "Qatar Airways"}, {"SIA", "SQ", "Singapore Airlines"}, {"CPA", "CX", "Cathay Pacific"},
            {"ANA", "NH", "All Nippon"}, {"JAL", "JL", "Japan Airlines"}, {"CES", "MU", "China Eastern"},
            {"CSN", "CZ", "China Southern"}, {"CCA", "CA", "Air China"}, {"THY", "TK", "Turkish Airlines"},
            {"IBE", "IB", "Iberia"}, {"AZA", "AZ", "ITA"}, {"SAS", "SK", "SAS"}, {"ACA", "AC", "Air Canada"},
            {"QFA", "QF", "Qantas"}, {"LAN", "LA", "LATAM"}, {"GLO", "G3", "Gol"}, {"IGO", "6E", "IndiGo"},
            {"AIC", "AI", "Air India"}, {"ETH", "ET", "Ethiopian"}};
    private static final double SHORT_HAUL_KM = 2_500;
    private static final double CRUISE_KMH = 780;
    private static final long MINUTE = 60_000;

    private final List<Airport> airports;
    private final double[] cumulative;
    private final Map<String, Airport> byCode = new HashMap<>();
    private final Map<Integer, int[]> nearby = new HashMap<>();
    private final Map<Integer, double[]> nearbyCumulative = new HashMap<>();
    private final Random random;
    private final long dayStart;

    /**
     * {@code airports} in the order the store's reference gives them; large ones weigh more, and a
     * rank order among them (Zipf) makes a few of them hubs.
     */
    HistoryDay(Collection<Document> referenceAirports, LocalDate day, long seed) {
        random = new Random(seed);
        dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<Airport> large = new ArrayList<>();
        List<Airport> medium = new ArrayList<>();
        for (Document a : referenceAirports) {
            if (a.get("position") instanceof Document p && a.getString("_id") != null) {
                Airport airport = new Airport(a.getString("_id"), ((Number) p.get("Latitude")).doubleValue(),
                        ((Number) p.get("Longitude")).doubleValue());
                if ("large".equals(a.getString("size"))) {
                    large.add(airport);
                } else if ("medium".equals(a.getString("size"))) {
                    medium.add(airport);
                }
            }
        }
        Collections.shuffle(large, random);
        airports = new ArrayList<>(large);
        airports.addAll(medium);
        airports.forEach(a -> byCode.put(a.code(), a));
        double[] weights = new double[airports.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i < large.size() ? 1.0 / (i + 20) : 0.05 / (large.size() + 20);
        }
        cumulative = cumulate(weights);
    }

    int airportCount() {
        return airports.size();
    }

    /** An airport as often as flights use it. */
    String drawAirport() {
        return airports.get(draw(cumulative)).code();
    }

    /** The legs of one aircraft for the day, in order; {@code index} makes its transponder, registration and fleet. */
    List<FlightLeg> rotation(int index) {
        String transponder = String.format("%06x", 0x300000 + index);
        String registration = "D-" + (char) ('A' + index % 26) + (char) ('A' + index / 26 % 26)
                + (char) ('A' + index / 676 % 26) + (char) ('A' + index / 17576 % 26);
        String[] airline = AIRLINES[random.nextInt(AIRLINES.length)];
        boolean longHaul = random.nextInt(4) == 0;
        int at = draw(cumulative);
        long offBlock = dayStart + (4 * 60 + random.nextInt(6 * 60)) * MINUTE;
        List<FlightLeg> legs = new ArrayList<>();
        int maxLegs = longHaul ? 2 : 5;
        while (legs.size() < maxLegs && offBlock < dayStart + 22 * 60 * MINUTE) {
            int to = longHaul ? draw(cumulative) : drawNear(at);
            if (to == at) {
                continue;
            }
            FlightLeg leg = leg(transponder, registration, longHaul ? "A359" : "A320", airline, airports.get(at),
                    airports.get(to), offBlock, 1000 + random.nextInt(8000));
            legs.add(leg);
            at = to;
            offBlock = leg.onBlock().toEpochMilli() + (40 + random.nextInt(40)) * MINUTE;
        }
        return legs;
    }

    private FlightLeg leg(String transponder, String registration, String type, String[] airline, Airport from,
                          Airport to, long offBlock, int number) {
        double km = distanceKm(from, to);
        long takeoff = offBlock + (8 + random.nextInt(10)) * MINUTE;
        long landing = takeoff + (long) (km / CRUISE_KMH * 60 + 15) * MINUTE;
        long onBlock = landing + (4 + random.nextInt(8)) * MINUTE;
        int delay = random.nextInt(10) == 0 ? 15 + random.nextInt(120) : random.nextInt(15);
        Instant first = Instant.ofEpochMilli(offBlock);
        return new FlightLeg(FlightLeg.idOf(first, transponder), transponder, registration, type, "Germany",
                airline[0] + number, airline[1] + number, airline[0], airline[2], from.code(), to.code(),
                RouteSource.OBSERVED, Instant.ofEpochMilli(offBlock - delay * MINUTE),
                Instant.ofEpochMilli(onBlock - delay * MINUTE), first, Instant.ofEpochMilli(takeoff),
                Instant.ofEpochMilli(landing), Instant.ofEpochMilli(onBlock), first, Instant.ofEpochMilli(onBlock),
                delay, LegStatus.ARRIVED, 11_000.0, km, pointTimes(offBlock, onBlock).length);
    }

    /** The points of a leg from its first to its last, as straight a line as its ends allow. */
    List<Position> points(FlightLeg leg) {
        Airport from = airport(leg.origin());
        Airport to = airport(leg.destination());
        long start = leg.firstSeen().toEpochMilli();
        long end = leg.lastSeen().toEpochMilli();
        long takeoff = leg.takeoff().toEpochMilli();
        long landing = leg.landing().toEpochMilli();
        List<Position> points = new ArrayList<>();
        for (long t : pointTimes(start, end)) {
            double f = t <= takeoff ? 0 : t >= landing ? 1 : (double) (t - takeoff) / (landing - takeoff);
            boolean ground = t <= takeoff || t >= landing;
            double altitude = ground ? 0 : Math.min(11_000, Math.min(t - takeoff, landing - t) / 1000.0 * 10);
            points.add(Position.observed(leg.transponder(), leg.callsign(), from.lat() + f * (to.lat() - from.lat()),
                    from.lon() + f * (to.lon() - from.lon()), altitude, ground ? 20.0 : 800.0, 90.0, 0.0, "1000",
                    ground, "bench", t));
        }
        return points;
    }

    /** Every 10 s in the first and last 25 minutes (taxi, climb, approach), else every minute. */
    private static long[] pointTimes(long start, long end) {
        long[] times = new long[(int) ((end - start) / 10_000) + 2];
        int n = 0;
        for (long t = start; t <= end; ) {
            times[n++] = t;
            boolean nearGround = t - start < 25 * MINUTE || end - t < 25 * MINUTE;
            t += nearGround ? 10_000 : MINUTE;
        }
        return Arrays.copyOf(times, n);
    }

    private Airport airport(String code) {
        return byCode.get(code);
    }

    /** An airport within short-haul range of {@code from}, hubs more often. */
    private int drawNear(int from) {
        int[] candidates = nearby.computeIfAbsent(from, this::withinShortHaul);
        if (candidates.length == 0) {
            return draw(cumulative);
        }
        return candidates[draw(nearbyCumulative.get(from))];
    }

    private int[] withinShortHaul(int from) {
        List<Integer> near = new ArrayList<>();
        for (int i = 0; i < airports.size(); i++) {
            double km = distanceKm(airports.get(from), airports.get(i));
            if (i != from && km > 150 && km < SHORT_HAUL_KM) {
                near.add(i);
            }
        }
        int[] indexes = near.stream().mapToInt(Integer::intValue).toArray();
        double[] weights = new double[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            weights[i] = cumulative[indexes[i]] - (indexes[i] == 0 ? 0 : cumulative[indexes[i] - 1]);
        }
        nearbyCumulative.put(from, cumulate(weights));
        return indexes;
    }

    private int draw(double[] cumulativeWeights) {
        double x = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        int i = Arrays.binarySearch(cumulativeWeights, x);
        return Math.min(cumulativeWeights.length - 1, i >= 0 ? i : -i - 1);
    }

    private static double[] cumulate(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    private static double distanceKm(Airport a, Airport b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
