package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.airlines.lufthansa.FakeStack;
import io.airlines.lufthansa.fake.FakeOptions;
import io.airlines.reference.ReferenceKind;
import io.airlines.reference.ReferenceStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The reference job against the fake Lufthansa API with every fault switched on, no Spring. */
class ReferenceEtlTest {

    /** 201 items: pages of 100, 100 and a last page of one element sent as an object. */
    static final int ITEMS = 201;

    FakeStack stack;
    ReferenceStore store;
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        logs.start();
        root.addAppender(logs);
        stack = new FakeStack(FakeOptions.hostile(ITEMS));
        store = new ReferenceStore(stack.database);
        store.createIndexes();
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        stack.close();
    }

    @Test
    void every_record_is_loaded_exactly_once_within_the_limits_and_a_rerun_changes_no_count() {
        RunTracker first = new RunTracker(Progress.NONE);
        new ReferenceEtl(stack.client, store, () -> { }).run(first);

        for (ReferenceKind kind : ReferenceKind.values()) {
            Set<String> served = stack.api.items(kind).stream().map(d -> d.getString(kind.keyField()))
                    .collect(Collectors.toSet());
            assertThat(store.count(kind)).as(kind.name()).isEqualTo(served.size());
            Set<String> stored = store.all(kind).stream().map(d -> d.getString("_id")).collect(Collectors.toSet());
            assertThat(stored).isEqualTo(served);
        }
        long total = stack.api.items(ReferenceKind.AIRCRAFT).size() + 4L * ITEMS;
        assertThat(first.inserted()).isEqualTo(total);
        // The faults were met and survived: renewed tokens, injected 403s, 5xx and truncated bodies retried.
        assertThat(stack.api.tokensIssued()).isGreaterThan(1);
        assertThat(stack.api.injectedOverQps()).isPositive();
        assertThat(stack.client.stats().retries()).isPositive();
        // The client itself never went over the limits.
        assertThat(stack.api.rejectedOverLimit()).isZero();
        assertThat(stack.api.maxRequestsInAnySecond()).isLessThanOrEqualTo(5);

        RunTracker second = new RunTracker(Progress.NONE);
        new ReferenceEtl(stack.client, store, () -> { }).run(second);
        assertThat(second.inserted()).isZero();
        for (ReferenceKind kind : ReferenceKind.values()) {
            assertThat(store.all(kind)).as(kind.name()).allMatch(d -> d.get("insert_at").equals(d.get("updated_at")));
        }
        assertThat(second.updated()).isZero();
        for (ReferenceKind kind : ReferenceKind.values()) {
            assertThat(store.count(kind)).isEqualTo(stack.api.items(kind).stream()
                    .map(d -> d.getString(kind.keyField())).distinct().count());
        }
        assertThat(stack.api.rejectedOverLimit()).isZero();
    }

    @Test
    void quirks_become_plain_fields_with_the_original_names() {
        new ReferenceEtl(stack.client, store, () -> { }).run(new RunTracker(Progress.NONE));
        Document aircraft = store.all(ReferenceKind.AIRCRAFT).stream()
                .filter(d -> d.getString("_id").matches("\\d+")).findFirst().orElseThrow();
        assertThat(aircraft.get("aircraft_code")).isInstanceOf(String.class);
        Document airport = store.all(ReferenceKind.AIRPORTS).stream()
                .filter(d -> d.get("position") != null).findFirst().orElseThrow();
        assertThat(airport.get("position", Document.class).keySet()).containsExactly("Latitude", "Longitude");
        assertThat(airport).containsKeys("airport_code", "airport_name", "city_code", "country_code",
                "location_type", "time_zone_id", "insert_at", "updated_at", "names");
        assertThat(store.all(ReferenceKind.CITIES)).allMatch(c -> c.get("airports") instanceof List<?>);
    }

    @Test
    void no_secret_or_token_reaches_the_logs() {
        new ReferenceEtl(stack.client, store, () -> { }).run(new RunTracker(Progress.NONE));
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains(FakeStack.SECRET) || m.contains("fake-token-") || m.contains("Bearer"));
    }
}
