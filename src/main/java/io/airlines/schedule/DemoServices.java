package io.airlines.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which carriers fly a route of the demo timetable, from which end, and how many round trips a
 * day. A route's base carriers (the hub carrier of either end, and on a route from a hub to a
 * smaller airport the carrier of that airport's country) fly it most; between two hubs, the
 * alliance partners based in either end's country fly it as guests (United joins Lufthansa between
 * Frankfurt and New York). Each carrier flies out of the end where its aircraft are based and back.
 */
final class DemoServices {

    /** One carrier's daily round trips on a route, flown out of {@code base} and back. */
    record Service(String carrier, String base, int flights) {
    }

    private static final double SHORT_HAUL_KM = 1500;
    private static final double MEDIUM_HAUL_KM = 4500;
    private static final double ULTRA_LONG_HAUL_KM = 9000;

    private final DemoNetwork network;
    private final Map<String, String> countryOf;
    private final Set<String> hubCountries;

    DemoServices(DemoNetwork network, Map<String, String> countryOf) {
        this.network = network;
        this.countryOf = countryOf;
        this.hubCountries = network.hubCarriers().keySet().stream().filter(countryOf::containsKey)
                .map(countryOf::get).collect(Collectors.toSet());
    }

    List<Service> of(DemoAirport from, DemoAirport to, double km) {
        boolean trunk = network.isHub(from.code()) && network.isHub(to.code());
        Map<String, String> bases = new LinkedHashMap<>();
        network.hubCarrier(from.code()).ifPresent(c -> bases.put(c, from.code()));
        network.hubCarrier(to.code()).ifPresent(c -> bases.putIfAbsent(c, to.code()));
        Map<String, String> guests = new LinkedHashMap<>();
        if (trunk && km < MEDIUM_HAUL_KM) {
            addGuests(bases.keySet(), guests, from, to);
        } else {
            DemoAirport spoke = network.isHub(from.code()) ? to : from;
            DemoAirport hub = spoke == from ? to : from;
            // A country's carrier feeds its own hubs; where the country has none, it flies to the nearest foreign ones.
            if (spoke.country().equals(hub.country()) || !hubCountries.contains(spoke.country())) {
                network.homeCarrier(spoke.country()).ifPresent(c -> bases.putIfAbsent(c, spoke.code()));
            }
        }
        List<Service> services = new ArrayList<>();
        bases.forEach((carrier, base) -> services.add(service(carrier, base, trunk, true, km, from, to)));
        guests.forEach((carrier, base) -> services.add(service(carrier, base, trunk, false, km, from, to)));
        return services;
    }

    private static Service service(String carrier, String base, boolean trunk, boolean based, double km,
                                   DemoAirport from, DemoAirport to) {
        int hash = DemoTimetable.hash(from.code() + to.code() + carrier);
        return new Service(carrier, base, flights(trunk, based, km, hash));
    }

    private void addGuests(Set<String> hubCarriersHere, Map<String, String> guests, DemoAirport from, DemoAirport to) {
        network.hubCarriers().forEach((hub, partner) -> {
            String country = countryOf.get(hub);
            boolean atAnEnd = from.country().equals(country) || to.country().equals(country);
            if (atAnEnd && !hubCarriersHere.contains(partner)
                    && hubCarriersHere.stream().anyMatch(c -> network.partners(c, partner))) {
                guests.putIfAbsent(partner, from.country().equals(country) ? from.code() : to.code());
            }
        });
    }

    /** Round trips a day: base carriers run shuttles on short trunks, long hauls fly once or twice. */
    static int flights(boolean trunk, boolean base, double km, int hash) {
        int extra = Math.floorMod(hash >>> 5, 3);
        int maybeOne = Math.min(extra, 1);
        if (!trunk) {
            return km < SHORT_HAUL_KM ? 2 : 1;
        }
        if (!base) {
            return km < SHORT_HAUL_KM ? 1 + maybeOne : 1;
        }
        return km < SHORT_HAUL_KM ? 3 + extra : km < MEDIUM_HAUL_KM ? 2 + maybeOne : km < ULTRA_LONG_HAUL_KM ? 1 + maybeOne : 1;
    }
}
