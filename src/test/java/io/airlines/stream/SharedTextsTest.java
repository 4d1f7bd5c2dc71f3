package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SharedTextsTest {

    final PositionCodec codec = PositionCodec.standalone();

    @Test
    void records_of_one_flight_share_their_texts_once_decoded() {
        Position first = Position.observed("3c6444", "DLH400", 50.1, 8.6, 10668.0, 850.0, 285.5, 0.0, "1000", false,
                Position.SBS, 1764581000000L).withRoute("LH400", "FRA", "JFK")
                .withIdentity("D-AIMA", "A388", "Germany");
        Position next = Position.observed("3c6444", "DLH400", 50.2, 8.5, 10700.0, 851.0, 285.0, 0.0, "1000", false,
                Position.SBS, 1764581001000L).withRoute("LH400", "FRA", "JFK")
                .withIdentity("D-AIMA", "A388", "Germany");

        Position a = codec.decode(codec.encode(first));
        Position b = codec.decode(codec.encode(next));

        assertThat(a).isEqualTo(first);
        assertThat(b).isEqualTo(next);
        assertThat(b.key()).isSameAs(a.key());
        assertThat(b.callsign()).isSameAs(a.callsign());
        assertThat(b.flightNumber()).isSameAs(a.flightNumber());
        assertThat(b.origin()).isSameAs(a.origin());
        assertThat(b.destination()).isSameAs(a.destination());
        assertThat(b.squawk()).isSameAs(a.squawk());
        assertThat(b.source()).isSameAs(a.source());
        assertThat(b.registration()).isSameAs(a.registration());
        assertThat(b.aircraftType()).isSameAs(a.aircraftType());
        assertThat(b.country()).isSameAs(a.country());
    }

    @Test
    void flights_whose_texts_share_a_slot_keep_sharing_them() {
        SharedTexts texts = SharedTexts.forFlights();
        // Two transponder addresses whose first slot is the same.
        Map<Integer, String> bySlot = new HashMap<>();
        String[] pair = null;
        for (int i = 0; pair == null; i++) {
            String key = String.format("%06x", i);
            String other = bySlot.putIfAbsent(texts.firstSlotOf(key), key);
            if (other != null) {
                pair = new String[] {other, key};
            }
        }
        String first = texts.of(pair[0].getBytes(StandardCharsets.US_ASCII), 0, 6);
        String second = texts.of(pair[1].getBytes(StandardCharsets.US_ASCII), 0, 6);
        for (int record = 0; record < 3; record++) {
            assertThat(texts.of(pair[0].getBytes(StandardCharsets.US_ASCII), 0, 6)).isEqualTo(pair[0]).isSameAs(first);
            assertThat(texts.of(pair[1].getBytes(StandardCharsets.US_ASCII), 0, 6)).isEqualTo(pair[1]).isSameAs(second);
        }
    }

    @Test
    void texts_sharing_a_slot_or_a_hash_are_each_read_as_themselves() {
        SharedTexts texts = SharedTexts.forFlights();
        // "Aa" and "BB" have the same String hash; longer than eight chars, so do these two, which the
        // table tells apart by their chars alone.
        String aaLong = "AaAaAaAaAa";
        String bbLong = "BBBBBBBBBB";
        assertThat(aaLong.hashCode()).isEqualTo(bbLong.hashCode());
        assertThat(texts.firstSlotOf(aaLong)).isEqualTo(texts.firstSlotOf(bbLong));
        String aaLongOnce = texts.of(aaLong.toCharArray(), 0, 10);
        for (int round = 0; round < 3; round++) {
            assertThat(texts.of(aaLong.getBytes(StandardCharsets.US_ASCII), 0, 10)).isEqualTo(aaLong).isSameAs(aaLongOnce);
            assertThat(texts.of(bbLong.toCharArray(), 0, 10)).isEqualTo(bbLong);
            assertThat(texts.of("BBBBBBBBB".toCharArray(), 0, 9)).isEqualTo("BBBBBBBBB");
            assertThat(texts.of("Zürich".toCharArray(), 0, 6)).isEqualTo("Zürich");
            assertThat(texts.of("Zürich".getBytes(StandardCharsets.ISO_8859_1), 0, 6)).isEqualTo("Zürich");
            assertThat(texts.of("Zurich".toCharArray(), 0, 6)).isEqualTo("Zurich");
            assertThat(texts.of("a\u0000".toCharArray(), 0, 2)).isEqualTo("a\u0000");
            assertThat(texts.of("a".toCharArray(), 0, 1)).isEqualTo("a");
            assertThat(texts.of("DLH400".getBytes(StandardCharsets.US_ASCII), 0, 6)).isEqualTo("DLH400");
            assertThat(texts.of("DLH040".getBytes(StandardCharsets.US_ASCII), 0, 6)).isEqualTo("DLH040");
            assertThat(texts.of("DLH40".getBytes(StandardCharsets.US_ASCII), 0, 5)).isEqualTo("DLH40");
        }
        for (int round = 0; round < 3; round++) {
            assertThat(texts.of("Aa".toCharArray(), 0, 2)).isEqualTo("Aa");
            assertThat(texts.of("BB".toCharArray(), 0, 2)).isEqualTo("BB");
            assertThat(texts.of("xBBx".toCharArray(), 1, 2)).isEqualTo("BB");
            assertThat(texts.of("BBB".toCharArray(), 0, 3)).isEqualTo("BBB");
            assertThat(texts.of(new char[0], 0, 0)).isEmpty();
        }
        String aa = texts.of("Aa".toCharArray(), 0, 2);
        String bb = texts.of("xBBx".getBytes(StandardCharsets.US_ASCII), 1, 2);
        for (int round = 0; round < 3; round++) {
            assertThat(texts.of("Aa".getBytes(StandardCharsets.US_ASCII), 0, 2)).isSameAs(aa);
            assertThat(texts.of("BB".toCharArray(), 0, 2)).isSameAs(bb);
        }
        String once = texts.of("Lufthansa".toCharArray(), 0, 9);
        assertThat(texts.of("-Lufthansa-".toCharArray(), 1, 9)).isSameAs(once);
    }
}
