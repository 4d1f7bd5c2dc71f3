package io.airlines.flight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.airlines.flight.FlightLeg.LegStatus;
import org.junit.jupiter.api.Test;

class TimeOrderTest {

    private static final Instant START = Instant.parse("2026-12-05T14:00:00.250Z");

    @Test
    void a_page_reads_the_whole_seconds_it_touches() {
        List<String> ids = List.of("20261205-135959-aaaaaa", "20261205-140000-3c0001", "20261205-140000-3c0002",
                "20261205-140000-3c0003", "20261205-140001-3c0004", "20261205-140002-3c0005");
        assertThat(TimeOrder.span(ids, 2, 3)).isEqualTo(new TimeOrder.Span(1, 4));
        assertThat(TimeOrder.span(ids, 0, 2)).isEqualTo(new TimeOrder.Span(0, 4));
        assertThat(TimeOrder.span(ids, 4, 6)).isEqualTo(new TimeOrder.Span(4, 6));
    }

    @Test
    void legs_first_seen_in_one_second_go_by_departure_then_seconds_go_in_order() {
        FlightLeg lateDeparture = LegStoreTest.leg("3c0001", "LH401", "FRA", "JFK", START, LegStatus.AIRBORNE);
        FlightLeg earlyDeparture = withScheduledDeparture(
                LegStoreTest.leg("3c0002", "LH402", "FRA", "JFK", START, LegStatus.AIRBORNE), START.minusSeconds(7200));
        FlightLeg nextSecond = withScheduledDeparture(
                LegStoreTest.leg("3c0000", "LH400", "FRA", "JFK", START.plusSeconds(1), LegStatus.AIRBORNE), START.minusSeconds(9000));

        assertThat(List.of(nextSecond, lateDeparture, earlyDeparture).stream().sorted(TimeOrder.ORDER).toList())
                .containsExactly(earlyDeparture, lateDeparture, nextSecond);
    }

    private static FlightLeg withScheduledDeparture(FlightLeg l, Instant departure) {
        return new FlightLeg(l.id(), l.transponder(), l.registration(), l.aircraftType(), l.country(), l.callsign(),
                l.flightNumber(), l.airline(), l.airlineName(), l.origin(), l.destination(), l.routeSource(), departure,
                l.scheduledArrival(), l.offBlock(), l.takeoff(), l.landing(), l.onBlock(), l.firstSeen(), l.lastSeen(),
                l.delayMinutes(), l.status(), l.maxAltitude(), l.distanceKm(), l.points());
    }
}
