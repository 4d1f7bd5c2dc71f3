package io.airlines.alert;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.airlines.config.UriMask;
import io.airlines.live.LiveView;
import io.airlines.stream.ConsumerLoop;
import io.airlines.stream.FlightEvent;
import io.airlines.stream.KafkaClients;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.ReferenceCache;
import io.airlines.stream.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts every flight event to the configured webhooks, in its own consumer group: an event's offset
 * is committed once each webhook accepted it or was given up on (logged as an error with the URL
 * and the reason, and counted), so a restart re-sends what was in flight (receivers tell repeats
 * by {@code X-Airlines-Delivery}). A group without offsets starts at the server's start, not at the
 * topic's oldest retained event.
 */
@Component
class WebhookSender extends ConsumerLoop {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final String GROUP = "airlines-webhooks";

    private final KafkaClients clients;
    private final PositionCodec codec;
    private final LiveView view;
    private final ReferenceCache reference;
    private final WebhookSettings settings;
    private final Counter delivered;
    private final Counter failed;
    private final Counter unreadable;
    private final long startedAt = System.currentTimeMillis();
    private WebhookPoster poster;

    WebhookSender(KafkaClients clients, PositionCodec codec, LiveView view, ReferenceCache reference,
                  WebhookSettings settings, MeterRegistry registry) {
        super(GROUP);
        this.clients = clients;
        this.codec = codec;
        this.view = view;
        this.reference = reference;
        this.settings = settings;
        this.delivered = Counter.builder("airlines.webhooks.delivered").description("events accepted by a webhook").register(registry);
        this.failed = Counter.builder("airlines.webhooks.failed")
                .description("events a webhook did not accept after every try (logged with the URL and the reason)").register(registry);
        this.unreadable = Counter.builder("airlines.webhooks.unreadable").description("event records that could not be read").register(registry);
    }

    @Override
    protected boolean enabled() {
        return settings.enabled();
    }

    @Override
    protected void open() {
        poster = new WebhookPoster(settings);
        consumer = clients.consumer(GROUP, GROUP);
        consumer.subscribe(List.of(Topics.EVENTS), new StartAtServerStart());
        log.info("webhooks on: {}", settings);
    }

    @Override
    protected void step() {
        ConsumerRecords<String, byte[]> records = poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
            return;
        }
        for (ConsumerRecord<String, byte[]> r : records) {
            FlightEvent event = read(r);
            if (event != null) {
                send(Alert.of(event, view.get(event.key()), reference.current()));
            }
        }
        commitSync();
        settled();
    }

    /** The event sink sends unreadable records to the DLQ already; here they are counted and skipped. */
    private FlightEvent read(ConsumerRecord<String, byte[]> r) {
        try {
            return codec.decodeEvent(r.value());
        } catch (RuntimeException e) {
            unreadable.increment();
            log.warn("{}-{}@{} not sent to webhooks: unreadable event: {}", r.topic(), r.partition(), r.offset(), e.toString());
            return null;
        }
    }

    private void send(Alert alert) {
        byte[] body = codec.mapper().writeValueAsBytes(alert);
        for (String url : settings.urls()) {
            WebhookPoster.Outcome outcome = poster.post(url, alert.id(), body, this::running);
            if (outcome.delivered()) {
                delivered.increment();
            } else {
                failed.increment();
                log.error("WEBHOOK FAILED: {} did not accept event {} after {} tries: {}",
                        UriMask.maskUri(url), alert.id(), outcome.tries(), outcome.reason());
            }
        }
    }

    /** Partitions this group never committed start at the server's start time. */
    private final class StartAtServerStart implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            Map<TopicPartition, Long> fresh = new HashMap<>();
            for (TopicPartition tp : partitions) {
                if (committed.get(tp) == null) {
                    fresh.put(tp, startedAt);
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            // The ends first: an event written after them, even while the times are looked up, is kept.
            Map<TopicPartition, Long> ends = consumer.endOffsets(fresh.keySet());
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(fresh);
            for (TopicPartition tp : fresh.keySet()) {
                OffsetAndTimestamp o = offsets.get(tp);
                consumer.seek(tp, o == null ? ends.get(tp) : Math.min(o.offset(), ends.get(tp)));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }
    }
}
