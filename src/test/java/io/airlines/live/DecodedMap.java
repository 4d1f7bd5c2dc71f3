package io.airlines.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/** A live map's side of the frame format, written from its description: slots that left, texts, then the columns. */
final class DecodedMap {
    private final Map<Integer, Map<String, Object>> bySlot = new HashMap<>();

    void apply(JsonNode m) {
        m.get("removed").forEach(slot -> bySlot.remove(slot.asInt()));
        List<String> texts = new ArrayList<>();
        m.get("texts").forEach(t -> texts.add(t.asString()));
        for (JsonNode named : m.get("named")) {
            Map<String, Object> a = bySlot.computeIfAbsent(named.get(0).asInt(), s -> new HashMap<>());
            for (int i = 0; i < texts.size(); i++) {
                a.put(texts.get(i), named.get(i + 1).isNull() ? null : named.get(i + 1).asString());
            }
        }
        int n = m.get("count").asInt();
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(m.get("columns").asString())).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.remaining()).isEqualTo(n * MapFrame.BYTES_PER_ROW);
        String[] names = {"lat", "lon", "altitude", "track", "speed", "verticalRate"};
        double[] scales = {1e5, 1e5, 1, 10, 1, 10};
        for (int i = 0; i < n; i++) {
            Map<String, Object> a = bySlot.get(b.getInt(i * 4));
            for (int c = 0; c < names.length; c++) {
                // 4 columns of 4 bytes (the slot, lat, lon, altitude), then 2-byte ones
                int v = c < 3 ? b.getInt(((c + 1) * n + i) * 4) : b.getShort(16 * n + ((c - 3) * n + i) * 2);
                boolean unknown = c < 3 ? v == MapFrame.UNKNOWN : v == Short.MIN_VALUE;
                a.put(names[c], unknown ? null : v / scales[c]);
            }
            a.put("onGround", b.get(22 * n + i) == 1);
        }
    }

    Map<String, Map<String, Object>> byKey() {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        bySlot.values().forEach(a -> out.put((String) a.get("key"), a));
        return out;
    }
}
