package io.airlines.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.airlines.stream.ConsumerLoop;
import io.airlines.stream.FlightEvent;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PipelineMetrics;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.PrivacyBlocklist;
import io.airlines.stream.RecordIsolation;
import io.airlines.stream.StreamSettings;
import io.airlines.stream.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest state of every live flight, from all partitions of {@code flights.positions}, in
 * memory. It reads without a consumer group (every instance sees every flight), starting a little
 * in the past so a restarted server shows aircraft at once. Changed and removed keys are collected
 * for the SSE deltas. A record it cannot read is counted and skipped: every server reads every
 * record, so a dead letter from here would be one copy per server of a record the store sink
 * reports already; the view has no offsets to hold back.
 */
@Component
public class LiveView extends ConsumerLoop {

    private static final Logger log = LoggerFactory.getLogger(LiveView.class);

    private final KafkaClients clients;
    private final PositionCodec codec;
    private final PipelineMetrics metrics;
    private final StreamSettings settings;
    private final Map<String, Position> states = new ConcurrentHashMap<>();
    private final List<Consumer<FlightEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<FlightEvent> recentEvents = new ArrayDeque<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private long lastExpiry;
    private final PrivacyBlocklist blocklist;

    public LiveView(KafkaClients clients, PositionCodec codec, PipelineMetrics metrics, StreamSettings settings,
                    PrivacyBlocklist blocklist) {
        super("airlines-live");
        this.blocklist = blocklist;
        this.clients = clients;
        this.codec = codec;
        this.metrics = metrics;
        this.settings = settings;
        metrics.liveFrom(states::size);
    }

    @Override
    protected void open() {
        consumer = clients.consumer(null, "airlines-live");
        List<TopicPartition> positions = partitions(Topics.POSITIONS);
        List<TopicPartition> events = partitions(Topics.EVENTS);
        List<TopicPartition> all = new ArrayList<>(positions);
        all.addAll(events);
        consumer.assign(all);
        consumer.seekToEnd(events);
        long since = System.currentTimeMillis() - settings.liveExpiry().toMillis();
        Map<TopicPartition, Long> query = new HashMap<>();
        positions.forEach(tp -> query.put(tp, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
        for (TopicPartition tp : positions) {
            OffsetAndTimestamp o = offsets.get(tp);
            if (o == null) {
                consumer.seekToEnd(List.of(tp));
            } else {
                consumer.seek(tp, o.offset());
            }
        }
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    @Override
    protected void step() {
        RecordIsolation.each(poll(Duration.ofMillis(200)), this::handle, this::skip);
        settled();
        long now = System.currentTimeMillis();
        if (now - lastExpiry > 2000) {
            expire(now);
            lastExpiry = now;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        if (r.topic().equals(Topics.EVENTS)) {
            onEvent(codec.decodeEvent(r.value()));
        } else {
            update(codec.decode(r.value()));
            PipelineMetrics.recordSince(metrics.liveLatency, r.timestamp(), System.currentTimeMillis());
        }
    }

    private void skip(ConsumerRecord<String, byte[]> r, RuntimeException cause) {
        metrics.unhandled.increment();
        log.warn("{}-{}@{} skipped by the live view: {}", r.topic(), r.partition(), r.offset(), cause.toString());
    }

    void update(Position p) {
        Position old = states.get(p.key());
        if (old == null || p.time() >= old.time()) {
            states.put(p.key(), p);
            changed.add(p.key());
            removed.remove(p.key());
        }
    }

    /** Flights silent past the expiry leave, and so do aircraft blocked since they were shown (an erasure). */
    private void expire(long now) {
        long limit = now - settings.liveExpiry().toMillis();
        states.values().removeIf(p -> {
            boolean gone = p.received() != null && p.received() < limit || blocklist.blocks(p);
            if (gone) {
                removed.add(p.key());
                changed.remove(p.key());
            }
            return gone;
        });
    }

    private void onEvent(FlightEvent e) {
        synchronized (recentEvents) {
            recentEvents.addFirst(e);
            while (recentEvents.size() > 500) {
                recentEvents.removeLast();
            }
        }
        eventListeners.forEach(l -> l.accept(e));
    }

    public void onEvent(Consumer<FlightEvent> listener) {
        eventListeners.add(listener);
    }

    public Position get(String key) {
        return states.get(key);
    }

    public Collection<Position> all() {
        return states.values();
    }

    public int size() {
        return states.size();
    }

    /** Keys changed and removed since the previous call; called by the one SSE ticker. */
    public synchronized Changes drainChanges() {
        // Removing while iterating: a key added meanwhile stays for the next call, never lost.
        return new Changes(drain(changed), drain(removed));
    }

    private static Set<String> drain(Set<String> keys) {
        Set<String> out = new HashSet<>();
        for (Iterator<String> it = keys.iterator(); it.hasNext(); ) {
            out.add(it.next());
            it.remove();
        }
        return out;
    }

    public record Changes(Set<String> changed, Set<String> removed) {
    }
}
