package io.airlines.flight;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.airlines.embedded.mongo.EmbeddedMongoStore;
import io.airlines.embedded.mongo.WireServer;
import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.FlightLeg.RouteSource;
import io.airlines.stream.Position;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LegStoreTest {

    @TempDir
    Path dir;

    private WireServer server;
    private MongoClient client;
    private LegStore store;

    /** The {@code _id}s of the documents each write command carried, by collection, in the order sent. */
    private final Map<String, List<String>> writtenIds = new ConcurrentHashMap<>();

    @BeforeEach
    void open() {
        server = new WireServer(EmbeddedMongoStore.openBackend(dir.resolve("legs.mv")), new InetSocketAddress("127.0.0.1", 0));
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.port()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        recordWrittenIds(event.getCommandName(), event.getCommand());
                    }
                }).build());
        store = new LegStore(client.getDatabase("airlines"));
    }

    private void recordWrittenIds(String command, BsonDocument body) {
        List<String> ids = writtenIds.computeIfAbsent(body.getString(command, new BsonString("?")).getValue(),
                c -> new CopyOnWriteArrayList<>());
        if (command.equals("insert")) {
            body.getArray("documents").forEach(d -> ids.add(d.asDocument().getString("_id").getValue()));
        } else if (command.equals("update")) {
            body.getArray("updates").forEach(u -> ids.add(u.asDocument().getDocument("q").getString("_id").getValue()));
        }
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    static FlightLeg leg(String transponder, String flightNumber, String from, String to, Instant firstSeen,
                         LegStatus status) {
        return new FlightLeg(FlightLeg.idOf(firstSeen, transponder), transponder, "D-AIXD", "A359", "Germany",
                "DLH" + flightNumber.substring(2), flightNumber, "DLH", "Lufthansa", from, to, RouteSource.OBSERVED,
                firstSeen.plusSeconds(600), firstSeen.plusSeconds(9 * 3600), firstSeen, firstSeen.plusSeconds(900),
                null, null, firstSeen, firstSeen.plusSeconds(3600), 5, status, 11_000.0, 820.5, 360);
    }

    @Test
    void finds_a_days_legs_by_day_airport_and_flight_number_and_keeps_one_copy_per_leg() {
        Instant morning = Instant.parse("2026-12-05T08:00:00Z");
        FlightLeg lh400 = leg("3c6444", "LH400", "FRA", "JFK", morning, LegStatus.AIRBORNE);
        FlightLeg lh401 = leg("3c6445", "LH401", "JFK", "FRA", morning.plusSeconds(60), LegStatus.AIRBORNE);
        FlightLeg nextDay = leg("3c6444", "LH400", "FRA", "JFK", morning.plusSeconds(86_400), LegStatus.TAXI_OUT);
        store.save(List.of(lh400, lh401, nextDay));
        FlightLeg landed = new FlightLeg(lh400.id(), lh400.transponder(), lh400.registration(), lh400.aircraftType(),
                lh400.country(), lh400.callsign(), lh400.flightNumber(), lh400.airline(), lh400.airlineName(),
                "FRA", "JFK", RouteSource.OBSERVED, lh400.scheduledDeparture(), lh400.scheduledArrival(),
                lh400.offBlock(), lh400.takeoff(), morning.plusSeconds(30_000), null, lh400.firstSeen(),
                morning.plusSeconds(30_000), 5, LegStatus.LANDED, 11_000.0, 6_200.0, 900);
        store.save(List.of(landed));

        LocalDate day = LocalDate.parse("2026-12-05");
        assertThat(store.idsOfDay(day)).containsExactly(lh400.id(), lh401.id());
        assertThat(store.ofAirport("JFK", day)).extracting(FlightLeg::flightNumber)
                .containsExactlyInAnyOrder("LH400", "LH401");
        assertThat(store.ofAirport("FRA", day.plusDays(1))).extracting(FlightLeg::id).containsExactly(nextDay.id());
        assertThat(store.ofFlight("LH400", day)).containsExactly(landed);
        assertThat(store.byId(lh400.id())).contains(landed);
    }

    @Test
    void legs_their_keys_and_the_cursors_go_to_the_store_in_id_order() {
        // Scattered writes would make each of the store's commits rewrite pages all over a collection.
        Random random = new Random(7);
        String[] airports = {"FRA", "MUC", "JFK", "CDG", "LHR", "AMS", "ZRH", "VIE"};
        List<FlightLeg> legs = new ArrayList<>();
        List<TransponderTrack> cursors = new ArrayList<>();
        Instant morning = Instant.parse("2026-12-05T06:00:00Z");
        for (int i = 0; i < 200; i++) {
            String transponder = String.format("%06x", random.nextInt(0xffffff));
            FlightLeg leg = leg(transponder, "LH" + (100 + random.nextInt(900)), airports[random.nextInt(airports.length)],
                    airports[random.nextInt(airports.length)], morning.plusSeconds(random.nextInt(36_000)), LegStatus.AIRBORNE);
            legs.add(leg);
            cursors.add(cursor(transponder, leg.firstSeen().plusSeconds(600)));
        }
        store.save(legs);
        new LegCursors(client.getDatabase("airlines")).save(cursors);

        for (String collection : List.of(LegStore.KEYS, LegStore.COLLECTION, LegCursors.COLLECTION)) {
            assertThat(writtenIds.get(collection)).as(collection).hasSizeGreaterThanOrEqualTo(200).isSorted();
        }
        assertThat(store.idsOfDay(LocalDate.parse("2026-12-05"))).hasSize(200);
    }

    @Test
    void names_a_leg_by_the_utc_time_of_its_first_point_then_its_transponder() {
        assertThat(FlightLeg.idOf(Instant.parse("2026-12-05T10:42:33Z"), "3c6444")).isEqualTo("20261205-104233-3c6444");
    }

    @Test
    void the_retention_purge_deletes_the_legs_first_seen_before_the_cutoff_with_every_key_of_them() {
        Instant cutoff = Instant.parse("2026-11-28T10:00:00Z");
        FlightLeg old = leg("3c6444", "LH400", "FRA", "JFK", cutoff.minusSeconds(3600), LegStatus.ARRIVED);
        FlightLeg kept = leg("3c6445", "LH402", "FRA", "JFK", cutoff.plusSeconds(60), LegStatus.ARRIVED);
        store.save(List.of(old, kept));
        // Keys written under an earlier guess of the destination: purged with their leg all the same.
        FlightLeg guessed = new FlightLeg(old.id(), old.transponder(), old.registration(), old.aircraftType(),
                old.country(), old.callsign(), old.flightNumber(), old.airline(), old.airlineName(), old.origin(), "EWR",
                old.routeSource(), old.scheduledDeparture(), old.scheduledArrival(), old.offBlock(), old.takeoff(),
                old.landing(), old.onBlock(), old.firstSeen(), old.lastSeen(), old.delayMinutes(), old.status(),
                old.maxAltitude(), old.distanceKm(), old.points());
        store.save(List.of(guessed));

        assertThat(store.purgeOlderThan(cutoff)).isEqualTo(1 + LegStore.keysOf(old).size() + 1);

        assertThat(store.byId(old.id())).isEmpty();
        assertThat(store.byId(kept.id())).isPresent();
        LocalDate oldDay = old.day();
        assertThat(store.ofAirport("EWR", oldDay)).isEmpty();
        assertThat(client.getDatabase("airlines").getCollection(LegStore.KEYS).countDocuments())
                .isEqualTo(LegStore.keysOf(kept).size());
        assertThat(store.ofAirport("FRA", kept.day())).extracting(FlightLeg::id).containsExactly(kept.id());
    }

    @Test
    void deleting_a_transponder_takes_all_its_legs_and_their_keys_and_nothing_of_another() {
        Instant morning = Instant.parse("2026-12-05T06:00:00Z");
        FlightLeg first = leg("3c6444", "LH400", "FRA", "JFK", morning, LegStatus.ARRIVED);
        FlightLeg second = leg("3c6444", "LH401", "JFK", "FRA", morning.plusSeconds(12 * 3600), LegStatus.AIRBORNE);
        FlightLeg other = leg("3c6445", "LH402", "FRA", "JFK", morning, LegStatus.AIRBORNE);
        store.save(List.of(first, second, other));

        assertThat(store.deleteTransponder("3c6444")).containsEntry(LegStore.COLLECTION, 2L)
                .containsEntry(LegStore.KEYS, (long) (LegStore.keysOf(first).size() + LegStore.keysOf(second).size()));

        assertThat(store.idsOfDay(LocalDate.parse("2026-12-05"))).containsExactly(other.id());
        assertThat(client.getDatabase("airlines").getCollection(LegStore.KEYS).countDocuments())
                .isEqualTo(LegStore.keysOf(other).size());
    }

    @Test
    void a_leg_deleted_as_no_flight_is_gone_and_its_listeners_are_told() {
        Instant morning = Instant.parse("2026-12-05T06:00:00Z");
        FlightLeg taxied = leg("3c6444", "LH400", "FRA", "JFK", morning, LegStatus.TAXI_OUT);
        FlightLeg flown = leg("3c6445", "LH402", "FRA", "JFK", morning, LegStatus.AIRBORNE);
        store.save(List.of(taxied, flown));
        List<String> told = new CopyOnWriteArrayList<>();
        store.onDeleted(told::addAll);

        store.deleteNoFlights(List.of(taxied.id()));
        store.deleteKeys(LegStore.keysOf(taxied));

        assertThat(store.byId(taxied.id())).isEmpty();
        assertThat(told).containsExactly(taxied.id());
        assertThat(store.ofAirport("FRA", taxied.day())).extracting(FlightLeg::id).containsExactly(flown.id());
    }

    @Test
    void an_airports_legs_are_listed_by_their_keys_and_a_days_by_its_range() {
        Instant morning = Instant.parse("2026-12-05T06:00:00Z");
        List<FlightLeg> fra = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fra.add(leg(String.format("3c64%02d", i), "LH40" + i, i % 2 == 0 ? "FRA" : "MUC", i % 2 == 0 ? "JFK" : "FRA",
                    morning.plusSeconds(600L * i), LegStatus.ARRIVED));
        }
        store.save(fra);
        store.save(List.of(leg("3c6499", "LH499", "MUC", "JFK", morning, LegStatus.ARRIVED)));
        LocalDate day = LocalDate.parse("2026-12-05");

        List<String> ids = fra.stream().map(FlightLeg::id).toList();
        assertThat(store.idsOfAirport("FRA", day)).containsExactlyElementsOf(ids);
        assertThat(store.idsOfDay(day)).hasSize(6);
        assertThat(store.idsOfDay(day.plusDays(1))).isEmpty();
        assertThat(store.byIds(List.of(ids.get(3), ids.get(1)))).extracting(FlightLeg::id)
                .containsExactly(ids.get(1), ids.get(3));

        store.deleteKeys(List.of(LegStore.keysOf(fra.get(0)).get(0)));
        assertThat(store.idsOfAirport("FRA", day)).containsExactlyElementsOf(ids.subList(1, 5));
    }

    @Test
    void a_days_legs_of_an_airline_and_those_a_query_starts_are_found_by_their_keys() {
        Instant morning = Instant.parse("2026-12-05T06:00:00Z");
        FlightLeg lh400 = leg("3c6444", "LH400", "FRA", "JFK", morning, LegStatus.ARRIVED);
        FlightLeg lh401 = leg("3c6445", "LH401", "JFK", "FRA", morning.plusSeconds(600), LegStatus.ARRIVED);
        FlightLeg united = new FlightLeg(FlightLeg.idOf(morning.plusSeconds(60), "a1b2c3"), "a1b2c3", "N123UA", "B789",
                "United States", "UAL960", "UA960", "UAL", "United", "FRA", "IAD", RouteSource.OBSERVED, null, null,
                null, null, null, null, morning.plusSeconds(60), morning.plusSeconds(900), null, LegStatus.AIRBORNE,
                null, 0, 10);
        FlightLeg nextDay = leg("3c6444", "LH400", "FRA", "JFK", morning.plusSeconds(86_400), LegStatus.TAXI_OUT);
        store.save(List.of(lh401, united, lh400, nextDay));
        LocalDate day = LocalDate.parse("2026-12-05");

        assertThat(store.idsOfAirline("DLH", day)).containsExactly(lh400.id(), lh401.id());
        assertThat(store.idsOfAirline("LH", day)).containsExactly(lh400.id(), lh401.id());
        assertThat(store.idsOfAirline("UAL", day)).containsExactly(united.id());
        assertThat(store.idsOfAirline("DL", day)).isEmpty();
        assertThat(store.idsMatching("lh40", day)).as("flight number").containsExactly(lh400.id(), lh401.id());
        assertThat(store.idsMatching("DLH401", day)).as("callsign").containsExactly(lh401.id());
        assertThat(store.idsMatching("d-aix", day)).as("registration").containsExactly(lh400.id(), lh401.id());
        assertThat(store.idsMatching("N123", day)).as("registration").containsExactly(united.id());
        assertThat(store.idsMatching("A1B2", day)).as("transponder").containsExactly(united.id());
        assertThat(store.idsMatching("LH400", day.plusDays(1))).containsExactly(nextDay.id());
        assertThat(store.idsMatching("AF", day)).isEmpty();
    }

    @Test
    void the_retention_purge_deletes_the_cursors_of_transponders_silent_since_before_the_cutoff() {
        Instant cutoff = Instant.parse("2026-11-28T10:00:00Z");
        LegCursors cursors = new LegCursors(client.getDatabase("airlines"));
        cursors.save(List.of(cursor("3c6444", cutoff.minusSeconds(60)), cursor("3c6445", cutoff.plusSeconds(60))));

        assertThat(new OpenLegRetention(client.getDatabase("airlines")).purgeOlderThan(cutoff)).isOne();

        assertThat(cursors.read(List.of("3c6444", "3c6445"))).extracting(TransponderTrack::transponder)
                .containsExactly("3c6445");
    }

    @Test
    void the_cursors_with_an_open_leg_are_found_without_naming_them() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        LegCursors cursors = new LegCursors(client.getDatabase("airlines"));
        TransponderTrack parked = TransponderTrack.resumed("3c6446", null, Position.observed("3c6446", null, 50.0, 8.5,
                null, 0.0, null, null, null, true, "test", now.toEpochMilli()), null);
        cursors.save(List.of(cursor("3c6444", now), parked, cursor("3c6445", now.minusSeconds(7200))));

        assertThat(cursors.withOpenLeg()).extracting(TransponderTrack::transponder)
                .containsExactlyInAnyOrder("3c6444", "3c6445");
    }

    private static TransponderTrack cursor(String transponder, Instant lastSeen) {
        FlightLeg open = leg(transponder, "LH400", "FRA", null, lastSeen.minusSeconds(3600), LegStatus.AIRBORNE);
        return TransponderTrack.resumed(transponder, open, Position.observed(transponder, "DLH400",
                50.0, 8.5, 11_000.0, 820.0, 90.0, 0.0, null, false, "test", lastSeen.toEpochMilli()), null);
    }
}
