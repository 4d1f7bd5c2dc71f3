package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlines.stream.Position;
import org.junit.jupiter.api.Test;

class SbsParsingTest {

    static final String ID = "MSG,1,1,1,3C6444,1,2026/11/26,13:00:00.000,2026/11/26,13:00:00.000,DLH400  ,,,,,,,,,,,0";
    static final String POS = "MSG,3,1,1,3C6444,1,2026/11/26,13:00:01.000,2026/11/26,13:00:01.000,,35000,,,50.1,8.6,,,0,0,0,0";
    static final String VEL = "MSG,4,1,1,3C6444,1,2026/11/26,13:00:01.500,2026/11/26,13:00:01.500,,,459,285.5,,,-640,,0,0,0,0";
    static final String SQK = "MSG,6,1,1,3C6444,1,2026/11/26,13:00:02.000,2026/11/26,13:00:02.000,,,,,,,,7700,0,1,0,0";

    @Test
    void each_message_type_carries_its_fields() {
        assertThat(SbsMessage.parse(ID)).satisfies(m -> {
            assertThat(m.type()).isEqualTo(1);
            assertThat(m.hex()).isEqualTo("3c6444");
            assertThat(m.callsign()).isEqualTo("DLH400");
            assertThat(m.lat()).isNull();
        });
        assertThat(SbsMessage.parse(POS)).satisfies(m -> {
            assertThat(m.altitudeFt()).isEqualTo(35000);
            assertThat(m.lat()).isEqualTo(50.1);
            assertThat(m.lon()).isEqualTo(8.6);
            assertThat(m.onGround()).isFalse();
        });
        assertThat(SbsMessage.parse(VEL).speedKt()).isEqualTo(459);
        assertThat(SbsMessage.parse(VEL).verticalRateFtMin()).isEqualTo(-640);
        assertThat(SbsMessage.parse(SQK).squawk()).isEqualTo("7700");
    }

    @Test
    void malformed_lines_are_refused() {
        assertThat(SbsMessage.parse("")).isNull();
        assertThat(SbsMessage.parse("garbage")).isNull();
        assertThat(SbsMessage.parse("MSG,3,1,1,3C6444")).as("too few fields").isNull();
        assertThat(SbsMessage.parse(POS.replace("3C6444", "ZZZZZZ"))).as("bad hex").isNull();
        assertThat(SbsMessage.parse(POS.replace(",50.1,", ",fifty,"))).as("bad number").isNull();
        assertThat(SbsMessage.parse(POS.replace("MSG,3,", "MSG,9,"))).as("unknown type").isNull();
        assertThat(SbsMessage.parse("STA,,5,179,400AE7,10103,2008/11/28,14:58:51.153,2008/11/28,14:58:51.153,RM")).isNull();
    }

    @Test
    void messages_merge_per_aircraft_into_positions_in_metric_units() {
        SbsTracker tracker = new SbsTracker();
        assertThat(tracker.accept(SbsMessage.parse(ID), 1000)).isNull();
        assertThat(tracker.accept(SbsMessage.parse(VEL), 1500)).isNull();
        assertThat(tracker.accept(SbsMessage.parse(SQK), 1800)).isNull();
        Position p = tracker.accept(SbsMessage.parse(POS), 2000);
        assertThat(p.key()).isEqualTo("3c6444");
        assertThat(p.callsign()).isEqualTo("DLH400");
        assertThat(p.altitude()).isCloseTo(10668, org.assertj.core.data.Offset.offset(0.1));
        assertThat(p.speed()).isCloseTo(850.07, org.assertj.core.data.Offset.offset(0.1));
        assertThat(p.track()).isEqualTo(285.5);
        assertThat(p.verticalRate()).isCloseTo(-3.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(p.squawk()).isEqualTo("7700");
        assertThat(p.source()).isEqualTo(Position.SBS);
        assertThat(p.time()).isEqualTo(2000);
    }
}
