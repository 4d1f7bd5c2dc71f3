package io.airlines.flight;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import io.airlines.stream.PositionCodec;
import io.airlines.stream.ReferenceCache;
import io.airlines.stream.ReferenceData;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Positions sent as a producer would, cut into legs by the running pipeline, read over HTTP. */
class FlightHistoryApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    LegPipeline pipeline;
    @Autowired
    ReferenceCache reference;

    /** One position as raw JSON; {@code speed} in km/h. */
    static String position(String key, String registration, long time, double lat, double lon, double altitude,
                           double speed, boolean onGround) {
        return String.format(Locale.ROOT,
                "{\"key\":\"%s\",\"callsign\":\"TST%s\",\"registration\":\"%s\",\"lat\":%.5f,\"lon\":%.5f,"
                        + "\"altitude\":%.1f,\"speed\":%.1f,\"track\":0,\"verticalRate\":0,\"squawk\":\"1000\","
                        + "\"onGround\":%s,\"source\":\"http\",\"time\":%d}",
                key, key.substring(key.length() - 4), registration, lat, lon, altitude, speed, onGround, time);
    }

    static final double[] FRANKFURT = {50.0379, 8.5622};
    static final double[] MUNICH = {48.3538, 11.7861};

    /** Taxis at an airport, then climbs out northwards at about 800 km/h, a point every 10 s. */
    static List<String> departure(double[] airport, String key, String registration, long start, int airborne) {
        List<String> out = new ArrayList<>();
        double lat = airport[0];
        long t = start;
        for (int i = 0; i < 3; i++, t += 10_000) {
            out.add(position(key, registration, t, lat += 0.0005, airport[1], 110, 25, true));
        }
        for (int i = 1; i <= airborne; i++, t += 10_000) {
            out.add(position(key, registration, t, lat += 0.02, airport[1], 300.0 * i, 800, false));
        }
        return out;
    }

    private JsonNode legs(String query) {
        HttpResponse<String> r = Http.get(url("/api/v1/history/flights?" + query));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void a_leg_of_the_day_is_listed_by_airport_and_query_and_its_track_holds_only_its_own_points() {
        String key = TestKafka.uniqueKey("");
        String registration = "D-T" + key.substring(2).toUpperCase(Locale.ROOT);
        long start = System.currentTimeMillis() - 50 * 60_000;
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(start + 40 * 60_000), ZoneOffset.UTC).toString();
        // Each leg is listed on the day it was first seen: the first one on yesterday's list just after midnight.
        String firstDay = LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC).toString();
        List<String> positions = new ArrayList<>(departure(MUNICH, key, registration, start, 3));
        // Silent for more than 20 minutes, then seen again at Frankfurt: a second leg.
        positions.addAll(departure(FRANKFURT, key, registration, start + 40 * 60_000, 4));
        TestKafka.send(Topics.POSITIONS_RAW, key, positions.toArray(String[]::new));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode found = legs("date=" + day + "&airport=fra&q=" + key);
            assertThat(found.size()).isEqualTo(1);
            assertThat(found.get(0).path("points").asInt()).isEqualTo(7);
        });
        JsonNode leg = legs("date=" + day + "&airport=FRA&q=" + key).get(0);
        assertThat(leg.path("transponder").asString()).isEqualTo(key);
        assertThat(leg.path("origin").asString()).isEqualTo("FRA");
        assertThat(leg.path("routeSource").asString()).isEqualTo("observed");
        assertThat(leg.path("status").asString()).isEqualTo("airborne");
        assertThat(leg.path("registration").asString()).isEqualTo(registration);
        assertThat(Stream.of(firstDay, day).distinct()
                .mapToInt(d -> legs("date=" + d + "&q=" + registration.toLowerCase(Locale.ROOT)).size()).sum()).isEqualTo(2);
        assertThat(legs("date=" + firstDay + "&airport=MUC&q=" + key)).extracting(l -> l.path("origin").asString())
                .containsExactly("MUC");
        assertThat(legs("date=" + day + "&airport=CDG&q=" + key).size()).isZero();

        String id = leg.path("id").asString();
        assertThat(JSON.readTree(Http.get(url("/api/v1/history/flights/" + id)).body()).path("points").asInt())
                .isEqualTo(7);
        long firstSeen = Instant.parse(leg.path("firstSeen").asString()).toEpochMilli();
        long lastSeen = Instant.parse(leg.path("lastSeen").asString()).toEpochMilli();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode points = JSON.readTree(Http.get(url("/api/v1/history/flights/" + id + "/track")).body())
                    .path("points");
            assertThat(points.size()).isGreaterThanOrEqualTo(2);
            points.values().forEach(p -> assertThat(p.path("time").asLong()).isBetween(firstSeen, lastSeen));
            // The whole day's track of the transponder holds the first leg's points too.
            assertThat(JSON.readTree(Http.get(url("/api/v1/flights/" + key + "/track?from="
                    + Instant.ofEpochMilli(start - 1000))).body()).path("points").size()).isGreaterThan(points.size());
        });
        assertThat(JSON.readTree(Http.get(url("/api/v1/flights/" + key + "/leg")).body()).path("id").asString())
                .isEqualTo(id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Http.get(url("/api/v1/events?type=takeoff&key=" + key)).body()).contains("from FRA"));
    }

    /**
     * Three timetable flights already in the air when first seen, in the same second, as every
     * aircraft is when the pipeline first starts; their transponders in the reverse order of their
     * departures: the day lists them by departure, not by transponder.
     */
    @Test
    void legs_first_seen_in_the_same_second_are_listed_by_departure_not_by_transponder() {
        long start = System.currentTimeMillis() / 1000 * 1000;
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC).toString();
        // The demo timetable is loaded in the background at start; the cache rereads it only every few
        // minutes, so it is read again here rather than waited for.
        List<ReferenceData.Scheduled> flying = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    reference.reload();
                    return inTheAir(start);
                }, found -> found.size() == 3);
        String prefix = TestKafka.uniqueKey("").substring(1);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < flying.size(); i++) {
            String key = prefix + i;
            keys.add(key);
            String callsign = callsignOf(flying.get(i));
            TestKafka.send(Topics.POSITIONS_RAW, key, airborne(key, callsign, start), airborne(key, callsign, start + 10_000));
        }
        List<String> byDeparture = List.of(keys.get(2), keys.get(1), keys.get(0));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(legs("date=" + day + "&q=" + prefix))
                .extracting(l -> l.path("scheduledDeparture").isNull()).containsExactly(false, false, false));
        assertThat(legs("date=" + day + "&q=" + prefix)).extracting(l -> l.path("transponder").asString())
                .containsExactlyElementsOf(byDeparture);
        List<String> wholeDay = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = legs("date=" + day + "&limit=1000&offset=" + offset);
            page.values().forEach(l -> wholeDay.add(l.path("transponder").asString()));
            if (page.size() < 1000) {
                break;
            }
        }
        assertThat(wholeDay.stream().filter(keys::contains).toList()).containsExactlyElementsOf(byDeparture);
    }

    /**
     * Three flights of the timetable in the air at {@code time}, latest departure first, of airlines
     * whose ICAO code makes their callsign: at some hours of the night, fewer than three of one airline fly.
     */
    private List<ReferenceData.Scheduled> inTheAir(long time) {
        return reference.current().legs().stream()
                .filter(s -> s.departure() < time - 600_000 && s.arrival() > time + 600_000 && callsignOf(s) != null)
                .sorted(Comparator.comparingLong(ReferenceData.Scheduled::departure).reversed())
                .filter(distinctDepartures()).limit(3).toList();
    }

    /** {@code DLH400} for LH400: the airline's ICAO code and the flight's number; null when not known. */
    private String callsignOf(ReferenceData.Scheduled flight) {
        ReferenceData.Airline airline = reference.current().airlineByIata(flight.carrier());
        boolean numbered = flight.flightNumber().matches("[A-Z0-9]{2}\\d{1,4}")
                && flight.flightNumber().startsWith(flight.carrier());
        return airline == null || airline.icao() == null || !airline.icao().matches("[A-Z]{3}") || !numbered ? null
                : airline.icao() + flight.flightNumber().substring(2);
    }

    private static Predicate<ReferenceData.Scheduled> distinctDepartures() {
        Set<Long> seen = new HashSet<>();
        return s -> seen.add(s.departure());
    }

    private static String airborne(String key, String callsign, long time) {
        return String.format(Locale.ROOT, "{\"key\":\"%s\",\"callsign\":\"%s\",\"lat\":50.5,\"lon\":9.0,"
                + "\"altitude\":10000,\"speed\":800,\"track\":90,\"verticalRate\":0,\"squawk\":\"1000\","
                + "\"onGround\":false,\"source\":\"http\",\"time\":%d}", key, callsign, time);
    }

    @Test
    void after_a_restart_of_the_leg_pipeline_an_aircraft_goes_on_with_the_same_leg() {
        String key = TestKafka.uniqueKey("");
        long start = System.currentTimeMillis() - 5 * 60_000;
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC).toString();
        List<String> flight = departure(FRANKFURT, key, "D-TEST", start, 5);
        TestKafka.send(Topics.POSITIONS_RAW, key, flight.subList(0, 5).toArray(String[]::new));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode found = legs("date=" + day + "&q=" + key);
            assertThat(found.size()).isEqualTo(1);
            assertThat(found.get(0).path("points").asInt()).isEqualTo(5);
        });
        String id = legs("date=" + day + "&q=" + key).get(0).path("id").asString();

        pipeline.stop();
        pipeline.start();
        TestKafka.send(Topics.POSITIONS_RAW, key, flight.subList(5, flight.size()).toArray(String[]::new));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode found = legs("date=" + day + "&q=" + key);
            assertThat(found.size()).isEqualTo(1);
            assertThat(found.get(0).path("id").asString()).isEqualTo(id);
            assertThat(found.get(0).path("points").asInt()).isEqualTo(8);
        });
    }

    /**
     * Its last position under a minute short of the gap when the pipeline restarts, an aircraft sends nothing more:
     * a process that learnt of transponders only from their positions never closed its leg.
     */
    @Test
    void an_aircraft_silent_since_before_a_restart_of_the_leg_pipeline_has_its_leg_closed_as_lost() {
        String key = TestKafka.uniqueKey("");
        // Three points taxiing and five in the air, 10 s apart: the last one 25 s short of the gap,
        // time for the leg to be seen (a second or two) and the pipeline to restart.
        long last = System.currentTimeMillis() - TransponderTrack.GAP_MS + 25_000;
        long start = last - 70_000;
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC).toString();
        TestKafka.send(Topics.POSITIONS_RAW, key, departure(FRANKFURT, key, "D-TSIL", start, 5).toArray(String[]::new));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode found = legs("date=" + day + "&q=" + key);
            assertThat(found.size()).isEqualTo(1);
            assertThat(found.get(0).path("points").asInt()).isEqualTo(8);
            assertThat(found.get(0).path("status").asString()).isEqualTo("airborne");
        });

        pipeline.stop();
        pipeline.start();
        assertThat(System.currentTimeMillis()).as("restarted while the leg was still open").isLessThan(
                last + TransponderTrack.GAP_MS);

        await().atMost(Duration.ofSeconds(150)).untilAsserted(() -> {
            JsonNode found = legs("date=" + day + "&q=" + key);
            assertThat(found.size()).isEqualTo(1);
            assertThat(found.get(0).path("status").asString()).isEqualTo("lost");
        });
    }

    @Test
    void a_record_that_is_not_a_position_is_skipped_and_the_positions_after_it_make_their_leg() {
        String key = TestKafka.uniqueKey("");
        long start = System.currentTimeMillis() - 2 * 60_000;
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC).toString();
        PositionCodec codec = PositionCodec.standalone();
        List<String> records = new ArrayList<>(List.of("{not a position " + key));
        for (String raw : departure(FRANKFURT, key, "D-TSKP", start, 2)) {
            records.add(new String(codec.encode(codec.decodeRaw(raw.getBytes(StandardCharsets.UTF_8), "http").position()),
                    StandardCharsets.UTF_8));
        }
        // One key, one partition: the unreadable record comes first, in the same poll as the positions.
        TestKafka.send(Topics.POSITIONS, key, records.toArray(String[]::new));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode found = legs("date=" + day + "&q=" + key);
            assertThat(found.size()).isEqualTo(1);
            assertThat(found.get(0).path("points").asInt()).isEqualTo(5);
            assertThat(found.get(0).path("origin").asString()).isEqualTo("FRA");
        });
    }

    @Test
    void an_unknown_leg_is_404_and_bad_parameters_are_400_naming_the_field() {
        HttpResponse<String> unknown = Http.get(url("/api/v1/history/flights/20261205-000000-abcdef"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(Http.get(url("/api/v1/history/flights/20261205-000000-abcdef/track")).statusCode()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/flights/nosuchaircraft/leg")).statusCode()).isEqualTo(204);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertBadField("", "date");
        assertBadField("date=2026-13-45", "date");
        assertBadField("date=" + LocalDate.now(ZoneOffset.UTC).plusDays(3), "date");
        assertBadField("date=" + today + "&airport=Frankfurt", "airport");
        assertBadField("date=" + today + "&airline=Lufthansa", "airline");
        assertBadField("date=" + today + "&limit=0", "limit");
        assertBadField("date=" + today + "&q=" + "x".repeat(41), "q");
    }

    private void assertBadField(String query, String field) {
        HttpResponse<String> r = Http.get(url("/api/v1/history/flights?" + query));
        assertThat(r.statusCode()).as(query).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(r.body()).path("field").asString()).as(query).isEqualTo(field);
    }
}
