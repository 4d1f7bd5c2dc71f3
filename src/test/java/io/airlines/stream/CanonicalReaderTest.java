package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CanonicalReaderTest {

    final CanonicalReader reader = CanonicalReader.sharing(SharedTexts.forFlights(), SharedTexts.forCommonTexts(),
            new FlightTextRuns());
    final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void every_written_position_reads_back_as_data_binding_reads_it() {
        Random random = new Random(42);
        int fast = 0;
        for (int i = 0; i < 20_000; i++) {
            Position p = randomPosition(random);
            byte[] bytes = PositionWire.write(p);
            Position bound = mapper.readValue(bytes, Position.class);
            Position read = reader.read(bytes);
            // Only texts with escapes or beyond ASCII are left to the general parser.
            assertThat(read != null).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(plainAscii(bytes));
            if (read != null) {
                fast++;
                assertThat(read).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(bound);
                assertThat(Double.doubleToRawLongBits(read.lat())).isEqualTo(Double.doubleToRawLongBits(bound.lat()));
            }
        }
        assertThat(fast).isGreaterThan(2_000);
    }

    @Test
    void the_writer_writes_the_bytes_data_binding_writes() {
        Random random = new Random(11);
        double[] special = {0.0, -0.0, 35000.0, -1500.0, 9_999_999.0, 1e7, -1e7, 123456789.0, 850.5, 1e-5, 1e21, -4.9e-324};
        String[] texts = {"DLH400", "Lufthansa \"Cargo\" \\ A", "Zürich", "São Paulo €", "Ω 😀 ✈", "", "a"};
        for (int i = 0; i < 20_000; i++) {
            double a = i % 3 == 0 ? special[random.nextInt(special.length)] : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 3);
            double b = i % 2 == 0 ? Math.round(a) : Math.round(a * 10) / 10.0;
            Position p = new Position(pick(random, texts), pick(random, texts), null, "DLH", pick(random, texts), "FRA", null,
                    a, b, b, a, null, -b, "7700", random.nextBoolean(), "cruise", b, null, random.nextInt(1000) - 500,
                    "sbs", random.nextLong(), i % 4 == 0 ? null : random.nextLong(), null, pick(random, texts), "A320", "Germany");
            assertThat(new String(PositionWire.write(p), StandardCharsets.UTF_8))
                    .isEqualTo(new String(mapper.writeValueAsBytes(p), StandardCharsets.UTF_8));
        }
        // Controls as \\uXXXX and a lone surrogate as String.getBytes writes it; both read back as data binding reads them.
        Position odd = Position.observed("k", "a\nb\u0001", 1, 2, null, null, null, null, "\ud800x", null, "sbs", 5);
        String written = new String(PositionWire.write(odd), StandardCharsets.UTF_8);
        assertThat(written).contains("\"callsign\":\"a\\u000Ab\\u0001\"").contains("\"squawk\":\"?x\"");
        assertThat(mapper.readValue(PositionWire.write(odd), Position.class).callsign()).isEqualTo("a\nb\u0001");
    }

    private static boolean plainAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b == '\\') {
                return false;
            }
        }
        return true;
    }

    @Test
    void numbers_are_read_to_the_last_bit_whatever_their_digits() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            double value = switch (i % 8) {
                case 0 -> (random.nextDouble() - 0.5) * 360;
                case 1 -> Math.round(random.nextDouble() * 1e6) / 1e4;
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 3 -> -random.nextInt(100_000) / 100.0;
                // Whole numbers and tenths, shared ones (SharedNumbers) and beyond their limits.
                case 4 -> random.nextInt(2 * 90_000) - 90_000;
                case 5 -> (random.nextInt(2 * 250_000) - 250_000) / 10.0;
                case 6 -> i % 16 == 6 ? -0.0 : 0.0;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (!Double.isFinite(value)) {
                continue;
            }
            Position p = Position.observed("k", null, value, -value, value, null, null, null, null, null, "sbs", 1L);
            Position read = reader.read(PositionWire.write(p));
            assertThat(read).isNotNull();
            assertThat(Double.doubleToRawLongBits(read.lat())).as(Double.toString(value))
                    .isEqualTo(Double.doubleToRawLongBits(value));
            assertThat(Double.doubleToRawLongBits(read.lon())).isEqualTo(Double.doubleToRawLongBits(-value));
            assertThat(Double.doubleToRawLongBits(read.altitude())).isEqualTo(Double.doubleToRawLongBits(value));
        }
    }

    @Test
    void whole_numbers_and_tenths_read_again_are_the_same_boxed_number() {
        Position first = reader.read(PositionWire.write(Position.observed("3c6444", "DLH400", 50.12345, 8.6,
                35000.0, 850.5, 285.5, -1500.0, "1000", false, "sbs", 1764581000000L)));
        Position next = reader.read(PositionWire.write(Position.observed("3c6444", "DLH400", 50.12346, 8.6,
                35000.0, 850.5, 285.5, -1500.0, "1000", false, "sbs", 1764581001000L)));

        assertThat(next.altitude()).isSameAs(first.altitude()).isEqualTo(35000.0);
        assertThat(next.speed()).isSameAs(first.speed()).isEqualTo(850.5);
        assertThat(next.verticalRate()).isSameAs(first.verticalRate()).isEqualTo(-1500.0);
        assertThat(next.lat()).isEqualTo(50.12346);
    }

    @Test
    void anything_but_the_canonical_layout_is_left_to_the_general_parser() {
        String canonical = new String(PositionWire.write(Position.observed("3c6444", "DLH400", 50.1, 8.6, 10668.0,
                850.0, 285.5, 0.0, "1000", false, "sbs", 1764581000000L)), StandardCharsets.UTF_8);
        assertThat(reader.read(canonical.getBytes(StandardCharsets.UTF_8))).isNotNull();

        for (String other : new String[] {
                "{\"lat\":1,\"key\":\"a\",\"lon\":2,\"time\":1}",
                canonical.replace("{", "{ "),
                canonical.replace("}", ",\"extra\":1}"),
                canonical + " ",
                canonical.replace("\"lat\":50.1", "\"lat\":050.1"),
                canonical.replace("\"lat\":50.1", "\"lat\":50."),
                canonical.replace("\"lat\":50.1", "\"lat\":.5"),
                canonical.replace("\"lat\":50.1", "\"lat\":-"),
                canonical.replace("\"lat\":50.1", "\"lat\":\"50.1\""),
                canonical.replace("\"key\":\"3c6444\"", "\"key\":null"),
                canonical.replace("\"callsign\":\"DLH400\"", "\"callsign\":\"DLH\\\"400\""),
                canonical.replace("\"callsign\":\"DLH400\"", "\"callsign\":\"Zürich\""),
                canonical.replace("\"onGround\":false", "\"onGround\":0"),
                canonical.replace("\"time\":1764581000000", "\"time\":\"2025-12-01T10:00:00Z\""),
                canonical.replace("\"time\":1764581000000", "\"time\":1764581000000000000000"),
                canonical.substring(0, canonical.length() - 1),
                "", "{", "[]"}) {
            assertThat(reader.read(other.getBytes(StandardCharsets.UTF_8))).as(other).isNull();
        }
    }

    @Test
    void a_record_of_another_producer_is_refused_by_its_first_and_last_field_before_anything_is_read() {
        Position p = Position.observed("3c6444", "DLH400", 50.1, 8.6, 10668.0, 850.0, 285.5, 0.0, "1000", false, "sbs",
                1764581000000L);
        Position named = new Position(p.key(), p.callsign(), null, null, null, null, null, p.lat(), p.lon(), p.altitude(),
                p.speed(), p.track(), p.verticalRate(), p.squawk(), p.onGround(), null, null, null, null, p.source(),
                p.time(), null, null, "D-AIXX", "A359", "The United Kingdom of Great Britain and Northern Ireland");
        assertThat(CanonicalReader.framed(PositionWire.write(p))).isTrue();
        assertThat(CanonicalReader.framed(PositionWire.write(named))).isTrue();
        assertThat(reader.read(PositionWire.write(named))).isEqualTo(named);

        for (String other : new String[] {
                // A producer's own order (bench sink's records), and the prototype's message.
                "{\"key\":\"b00001\",\"callsign\":\"BNC0001\",\"lat\":1.5,\"lon\":2.5,\"altitude\":9000,"
                        + "\"time\":1764581000000,\"source\":\"simulator\"}",
                "{\"icao24\":\"3c6444\",\"callsign\":\"DLH400\",\"latitude\":50.1,\"longitude\":8.6,\"country\":\"Germany\"}",
                "{\"key\":\"a\",\"country\":null,\"lat\":1}",
                "{\"key\":\"a\",\"country\":null}x", "{}", ""}) {
            assertThat(CanonicalReader.framed(other.getBytes(StandardCharsets.UTF_8))).as(other).isFalse();
        }
    }

    @Test
    void a_few_flights_whose_own_texts_change_now_and_then_read_back_as_written_and_share_what_stays() {
        Random random = new Random(11);
        String[] keys = {"3c6444", "3c6445", "a1b2c3", "~12ab34", "LONGKEY-ABC123"};
        String[] callsigns = {"DLH400", "DLH401", null, "", "CALLSIGN-TOO-LONG"};
        String[] flightNumbers = {"LH400", "LH401", null};
        String[] squawks = {"1000", "7700", null};
        String[] registrations = {"D-AIXD", "D-AIXE", null, "REGISTRATION-LONG"};
        String[] airports = {"FRA", "JFK", null};
        String[] types = {"A359", "B744", null};
        java.util.Map<String, Position> last = new java.util.HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String key = keys[random.nextInt(keys.length)];
            Position before = last.get(key);
            // Most records repeat their flight's texts; now and then one changes.
            boolean same = before != null && random.nextInt(4) > 0;
            Position p = Position.observed(key, same ? before.callsign() : pick(random, callsigns), 50.5, 8.25, 10_000.0,
                    800.0, 90.0, 0.0, same ? before.squawk() : pick(random, squawks), false, "sbs", 1_000L + i)
                    .withRoute(same ? before.flightNumber() : pick(random, flightNumbers),
                            same ? before.origin() : pick(random, airports), same ? before.destination() : "JFK")
                    .withIdentity(same ? before.registration() : pick(random, registrations),
                            same ? before.aircraftType() : pick(random, types), same ? before.country() : "Germany");

            Position read = reader.read(PositionWire.write(p));

            assertThat(read).isEqualTo(p);
            if (before != null) {
                for (java.util.function.Function<Position, String> text : List.<java.util.function.Function<Position, String>>of(
                        Position::key, Position::callsign, Position::flightNumber, Position::squawk, Position::registration)) {
                    if (java.util.Objects.equals(text.apply(p), text.apply(before)) && text.apply(p) != null) {
                        assertThat(text.apply(read)).isSameAs(text.apply(before));
                    }
                }
            }
            last.put(key, read);
        }
    }

    @Test
    void a_flights_texts_come_from_its_last_record_when_its_bytes_are_the_same() {
        FlightTextRuns runs = new FlightTextRuns();
        CanonicalReader remembering = CanonicalReader.sharing(SharedTexts.forFlights(), SharedTexts.forCommonTexts(), runs);
        Position p = new Position("3c6586", "DLH4YK", "LH400", "LH", "Lufthansa", "FRA", "JFK", 50.1, 8.6, 11_000.0,
                850.0, 290.0, 0.0, "1000", false, "cruise", 5_000.0, null, 5, "sbs", 1_000L, 1_001L, null, "D-AIXP",
                "A359", "Germany");
        byte[] record = PositionWire.write(p);

        remembering.read(record);

        FlightTextRuns.Flight known = known(runs, record);
        assertThat(known).isNotNull();
        assertThat(known.texts()).containsExactly("3c6586", "DLH4YK", "LH400", "LH", "Lufthansa", "FRA", "JFK", "1000",
                "D-AIXP", "A359", "Germany");
        Position next = remembering.read(PositionWire.write(p.withRoute("LH400", "FRA", "JFK")));
        assertThat(next.airlineName()).isSameAs(known.texts()[4]);
        assertThat(next.squawk()).isSameAs(known.texts()[7]);
        assertThat(next.country()).isSameAs(known.texts()[10]);
    }

    @Test
    void a_flights_records_as_sent_and_as_enriched_are_both_remembered_and_a_new_one_replaces_the_older() {
        FlightTextRuns runs = new FlightTextRuns();
        CanonicalReader remembering = CanonicalReader.sharing(SharedTexts.forFlights(), SharedTexts.forCommonTexts(), runs);
        Position sent = Position.observed("3c6586", "DLH4YK", 50.1, 8.6, 11_000.0, 850.0, 290.0, 0.0, "1000", false,
                "sbs", 1_000L);
        byte[] asSent = PositionWire.write(sent);
        byte[] enriched = PositionWire.write(sent.withRoute("LH400", "FRA", "JFK").withIdentity("D-AIXP", "A359", "Germany"));
        byte[] renamed = PositionWire.write(Position.observed("3c6586", "DLH9", 50.1, 8.6, 11_000.0, 850.0, 290.0, 0.0,
                "1000", false, "sbs", 1_000L));

        remembering.read(asSent);
        remembering.read(enriched);
        assertThat(known(runs, asSent)).isNotNull();
        assertThat(known(runs, enriched)).isNotNull();

        remembering.read(renamed);
        assertThat(known(runs, renamed)).isNotNull();
        assertThat(known(runs, enriched)).isNotNull();
        assertThat(known(runs, asSent)).as("the older of the key's two").isNull();
    }

    private static FlightTextRuns.Flight known(FlightTextRuns runs, byte[] record) {
        int keyStart = "{\"key\":\"".length();
        return runs.startingAs(record, keyStart, keyStart + 6);
    }

    @Test
    void flights_whose_keys_share_their_slots_each_read_back_as_themselves() {
        // Five keys for the four slots of one hash: each record of one may push another out.
        java.util.Map<Integer, List<String>> bySlot = new java.util.HashMap<>();
        List<String> keys = null;
        for (int i = 0; keys == null; i++) {
            String key = String.format("%06x", i);
            List<String> same = bySlot.computeIfAbsent(FlightTextRuns.firstSlotOf(key), slot -> new java.util.ArrayList<>());
            same.add(key);
            keys = same.size() == 5 ? same : null;
        }
        FlightTextRuns runs = new FlightTextRuns();
        CanonicalReader remembering = CanonicalReader.sharing(SharedTexts.forFlights(), SharedTexts.forCommonTexts(), runs);
        byte[][] records = new byte[5][];
        for (int flight = 0; flight < 5; flight++) {
            records[flight] = PositionWire.write(Position.observed(keys.get(flight), "CS", 50.1, 8.6, 11_000.0, 850.0,
                    290.0, 0.0, "1000", false, "sbs", 1_000L));
            remembering.read(records[flight]);
        }
        // Four flights of one hash are all remembered; a fifth takes the place of the oldest.
        assertThat(known(runs, records[0])).isNull();
        for (int flight = 1; flight < 5; flight++) {
            assertThat(known(runs, records[flight])).as(keys.get(flight)).isNotNull();
        }

        Random random = new Random(5);
        for (int i = 0; i < 3_000; i++) {
            int flight = random.nextInt(5);
            Position p = Position.observed(keys.get(flight), "CS" + flight, 50.1, 8.6, 11_000.0, 850.0, 290.0, 0.0,
                    "100" + flight, false, "sbs", 1_000L + i).withRoute("LH" + flight, "FRA", "JF" + flight)
                    .withIdentity("D-AIX" + flight, "A35" + flight, "Germany");
            assertThat(reader.read(PositionWire.write(p))).isEqualTo(p);
        }
    }

    @Test
    void the_general_parser_shares_each_text_in_the_table_the_canonical_reader_shares_it_in() {
        Position p = new Position("3c6586", "DLH4YK", "LH400", "LH", "Lufthansa", "FRA", "JFK", 50.1, 8.6, 11_000.0,
                850.0, 290.0, 0.0, "1000", false, "cruise", 5_000.0, "2026-12-06T14:05:00Z", 5, "sbs", 1_000L, 1_001L,
                "ok", "D-AIXP", "A359", "Germany");
        byte[] canonical = PositionWire.write(p);
        // A blank after the brace: the same record, which the canonical reader leaves to the general parser.
        byte[] general = ("{ " + new String(canonical, 1, canonical.length - 1, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);

        Position fast = PositionWire.read(mapper, canonical);
        Position careful = PositionWire.read(mapper, general);

        assertThat(careful).isEqualTo(fast).isEqualTo(p);
        for (java.util.function.Function<Position, String> text : List.<java.util.function.Function<Position, String>>of(
                Position::key, Position::callsign, Position::flightNumber, Position::airline, Position::airlineName,
                Position::origin, Position::destination, Position::squawk, Position::phase, Position::source,
                Position::registration, Position::aircraftType, Position::country)) {
            assertThat(text.apply(careful)).as(text.apply(p)).isSameAs(text.apply(fast));
        }
    }

    private static String pick(Random random, String[] texts) {
        return texts[random.nextInt(texts.length)];
    }

    private static Position randomPosition(Random r) {
        return new Position(text(r, 6), maybe(r, text(r, 7)), maybe(r, text(r, 6)), maybe(r, text(r, 3)),
                maybe(r, text(r, 12)), maybe(r, text(r, 3)), maybe(r, text(r, 3)), (r.nextDouble() - 0.5) * 180,
                (r.nextDouble() - 0.5) * 360, maybe(r, r.nextDouble() * 13_000), maybe(r, r.nextDouble() * 1_000),
                maybe(r, r.nextDouble() * 360), maybe(r, (r.nextDouble() - 0.5) * 40), maybe(r, "7" + r.nextInt(1000)),
                maybe(r, r.nextBoolean()), maybe(r, "cruise"), maybe(r, r.nextDouble() * 9_000),
                maybe(r, "2026-12-05T22:1" + r.nextInt(10) + ":00Z"), maybe(r, r.nextInt(600) - 60),
                maybe(r, "simulator"), r.nextLong() >>> 20, maybe(r, r.nextLong() >>> 20), maybe(r, "blocked"),
                maybe(r, text(r, 6)), maybe(r, "A320"), maybe(r, "Germany"));
    }

    private static <T> T maybe(Random r, T value) {
        return r.nextInt(5) == 0 ? null : value;
    }

    /** Mostly ASCII; now and then a quote, a backslash, a control or a non-ASCII character. */
    private static String text(Random r, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = r.nextInt(200);
            b.append(pick == 0 ? '"' : pick == 1 ? '\\' : pick == 2 ? '\n' : pick == 3 ? 'é' : (char) (' ' + r.nextInt(95)));
        }
        return b.toString();
    }
}
