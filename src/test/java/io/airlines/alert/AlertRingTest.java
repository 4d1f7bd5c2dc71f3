package io.airlines.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AlertRingTest {

    private static Alert alert(String id) {
        return new Alert(id, "landing", 0, "3c6444", "LH400", "DLH400", null, "HAM", null, null, null, null, null, null, null);
    }

    private static List<String> ids(List<AlertRing.Numbered> numbered) {
        return numbered.stream().map(n -> n.alert().id()).toList();
    }

    /** A ring that was given alerts a, b and c, in that order. */
    private static AlertRing ringOf(String run, int capacity) {
        AlertRing ring = new AlertRing(run, capacity);
        List.of("a", "b", "c").forEach(id -> ring.add(alert(id), "{}"));
        return ring;
    }

    @Test
    void alerts_are_numbered_in_the_run() {
        assertThat(new AlertRing("run1", 10).add(alert("a"), "{}").id()).isEqualTo("run1-1");
    }

    @Test
    void a_client_gets_the_alerts_after_its_last_id_and_nothing_without_one() {
        AlertRing ring = ringOf("run1", 10);
        assertThat(ids(ring.after("run1-1"))).containsExactly("b", "c");
        assertThat(ids(ring.after("run1-3"))).isEmpty();
        assertThat(ring.after(null)).isEmpty();
        assertThat(ring.after("run1-x")).isEmpty();
        assertThat(ring.after("nonsense")).isEmpty();
    }

    @Test
    void an_id_of_another_run_or_older_than_the_oldest_kept_gets_every_alert_kept() {
        AlertRing ring = ringOf("run2", 2);
        assertThat(ids(ring.after("run2-1"))).containsExactly("b", "c");
        assertThat(ids(ring.after("run1-7"))).containsExactly("b", "c");
    }
}
