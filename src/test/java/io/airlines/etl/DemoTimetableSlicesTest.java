package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.airlines.reference.OfflineReference;
import io.airlines.reference.ReferenceKind;
import io.airlines.schedule.DemoAirports;
import io.airlines.schedule.DemoTimetable;
import io.airlines.schedule.Journey;
import org.junit.jupiter.api.Test;

class DemoTimetableSlicesTest {

    private static final List<Journey> DAY = new DemoTimetable(DemoAirports.from(
            OfflineReference.load().get(ReferenceKind.AIRPORTS), Set.of("BIO"))).journeys(LocalDate.of(2026, 12, 1));

    @Test
    void a_day_is_written_in_slices_of_about_a_thousand_journeys_holding_every_journey_once() {
        List<List<Journey>> slices = OfflineDataLoader.byOrigin(DAY, OfflineDataLoader.SLICE_JOURNEYS);

        assertThat(slices).hasSizeGreaterThan(DAY.size() / OfflineDataLoader.SLICE_JOURNEYS);
        assertThat(slices.stream().flatMap(List::stream).map(Journey::id).sorted().toList())
                .isEqualTo(DAY.stream().map(Journey::id).sorted().toList());
        for (List<Journey> slice : slices) {
            Set<String> origins = slice.stream().map(Journey::origin).collect(Collectors.toSet());
            assertThat(slice.size() <= OfflineDataLoader.SLICE_JOURNEYS || origins.size() == 1)
                    .as("a slice of %d journeys from %s", slice.size(), origins).isTrue();
        }
    }

    @Test
    void an_origin_is_never_split_across_slices() {
        Set<String> seen = new HashSet<>();
        for (List<Journey> slice : OfflineDataLoader.byOrigin(DAY, OfflineDataLoader.SLICE_JOURNEYS)) {
            Set<String> origins = slice.stream().map(Journey::origin).collect(Collectors.toSet());
            origins.forEach(origin -> assertThat(seen.add(origin)).as("%s in two slices", origin).isTrue());
        }
    }
}
