package io.airlines.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.airlines.config.KafkaConnection;
import io.airlines.live.LiveStream.Format;
import io.airlines.live.LiveSubscribersTest.RecordingClient;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.PrivacyBlocklist;
import io.airlines.stream.StreamSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The live map's slot table: kept only while a map is connected, and built from the live view when one arrives. */
class LiveStreamTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int AIRCRAFT = 300;

    private final LiveView view = new LiveView(new KafkaClients(KafkaConnection.to("127.0.0.1:9")),
            PositionCodec.standalone(), new PipelineMetrics(new SimpleMeterRegistry()),
            new StreamSettings(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofMinutes(5)), PrivacyBlocklist.empty());
    private final LiveStream stream = new LiveStream(view, PositionCodec.standalone(),
            new LiveStreamSettings(10, 16, 1, Duration.ofMinutes(30)), new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        stream.stop();
    }

    @Test
    void without_a_map_connected_the_ticks_keep_no_slot_table_and_the_last_map_leaving_drops_it() {
        for (int tick = 0; tick < 5; tick++) {
            moveAll(tick);
            stream.tick();
        }
        stream.join(new RecordingClient(false), Format.ROWS);
        moveAll(5);
        stream.tick();
        assertThat(stream.keepsMapTable()).as("with only a rows subscriber").isFalse();

        var map = stream.join(new RecordingClient(false), Format.FRAMES).orElseThrow();
        assertThat(stream.keepsMapTable()).isTrue();
        stream.tick();
        assertThat(stream.keepsMapTable()).as("while the map is connected").isTrue();
        map.close();
        stream.tick();
        assertThat(stream.keepsMapTable()).as("once the last map left").isFalse();
    }

    @Test
    void a_map_connecting_after_many_ticks_gets_the_live_view_as_it_is_then_the_deltas() {
        for (int tick = 0; tick < 20; tick++) {
            moveAll(tick);
            stream.tick();
        }
        // Changes not yet drained when the map connects: already in its snapshot, and harmless again in the delta.
        moveAll(20);
        RecordingClient client = new RecordingClient(false);
        stream.join(client, Format.FRAMES).orElseThrow();

        await().atMost(Duration.ofSeconds(10)).until(() -> client.received.size() == 1);
        JsonNode snapshot = message(client, 0, "snapshot:");
        assertThat(snapshot.get("total").asInt()).isEqualTo(AIRCRAFT);
        assertThat(snapshot.get("named")).hasSize(AIRCRAFT);
        DecodedMap map = new DecodedMap();
        map.apply(snapshot);
        assertThat(latitudes(map)).isEqualTo(latitudesOfTheView());

        moveAll(21);
        view.update(position("new", 50, 21));
        stream.tick();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.received.size() == 2);
        map.apply(message(client, 1, "delta:"));
        assertThat(map.byKey()).hasSize(AIRCRAFT + 1);
        assertThat(latitudes(map)).isEqualTo(latitudesOfTheView());
    }

    /** Every aircraft moves to a latitude of its own for this tick. */
    private void moveAll(int tick) {
        for (int i = 0; i < AIRCRAFT; i++) {
            view.update(position("a" + i, i % 80 + tick / 100.0, tick));
        }
    }

    private static Position position(String key, double lat, long time) {
        return new Position(key, "CS" + key, null, "DLH", null, "FRA", "JFK", lat, 8.5, 10000.0, 800.0, 90.0, 0.0,
                null, false, "cruise", null, null, null, "simulator", time, time, null, null, null, "DE");
    }

    private static JsonNode message(RecordingClient client, int index, String event) {
        String received = client.received.get(index);
        assertThat(received).startsWith(event);
        return JSON.readTree(received.substring(event.length()));
    }

    private static Map<String, Object> latitudes(DecodedMap map) {
        Map<String, Object> out = new TreeMap<>();
        map.byKey().forEach((key, aircraft) -> out.put(key, aircraft.get("lat")));
        return out;
    }

    private Map<String, Object> latitudesOfTheView() {
        Map<String, Object> out = new TreeMap<>();
        view.all().forEach(p -> out.put(p.key(), Math.round(p.lat() * 1e5) / 1e5));
        return out;
    }
}
