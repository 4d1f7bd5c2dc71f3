package io.airlines.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveSubscribersTest {

    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    /** Records what it is sent; blocks in its first send until released when built slow. */
    static final class RecordingClient implements LiveSubscribers.Client {
        final List<String> received = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        volatile boolean closed;

        RecordingClient(boolean slow) {
            release = new CountDownLatch(slow ? 1 : 0);
        }

        @Override
        public void send(String event, String data) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(event + ":" + data);
        }

        @Override
        public void dropped() {
            received.add("dropped");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void any_tells_whether_a_connected_client_is_of_a_kind_so_an_unwanted_message_is_not_built() {
        LiveSubscribers<RecordingClient> subscribers = new LiveSubscribers<>(10, 2, senders);
        RecordingClient slow = new RecordingClient(true);
        assertThat(subscribers.any(c -> true)).isFalse();
        LiveSubscribers<RecordingClient>.Subscriber fast = subscribers.add(new RecordingClient(false), "snapshot", "s").orElseThrow();
        assertThat(subscribers.any(c -> c == slow)).isFalse();
        subscribers.add(slow, "snapshot", "s");
        assertThat(subscribers.any(c -> c == slow)).isTrue();
        fast.close();
        assertThat(subscribers.any(c -> c != slow)).as("a closed subscriber no longer counts").isFalse();
        slow.release.countDown();
    }

    @Test
    void a_filtered_broadcast_reaches_only_the_clients_that_want_it_and_a_dropped_client_is_told_last() {
        LiveSubscribers<RecordingClient> subscribers = new LiveSubscribers<>(10, 2, senders);
        RecordingClient wantsA = new RecordingClient(false);
        RecordingClient slow = new RecordingClient(true);
        subscribers.add(wantsA, "hello", "a");
        subscribers.add(slow, "hello", "s");

        subscribers.broadcast("alert", "b", c -> c == slow);
        subscribers.broadcast("alert", "a", c -> c == wantsA);
        await().atMost(Duration.ofSeconds(5)).until(() -> wantsA.received.size() == 2);
        assertThat(wantsA.received).containsExactly("hello:a", "alert:a");

        for (int i = 0; i < 3; i++) {
            subscribers.broadcast("alert", "x", c -> c == slow);
        }
        assertThat(subscribers.dropped()).isEqualTo(1);
        slow.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.closed);
        assertThat(slow.received).endsWith("dropped").doesNotContain("alert:x");
        assertThat(wantsA.received).containsExactly("hello:a", "alert:a");
        assertThat(wantsA.closed).isFalse();
    }

    @Test
    void a_client_that_stops_reading_is_dropped_and_counted_while_the_others_get_every_message() {
        LiveSubscribers<LiveSubscribers.Client> subscribers = new LiveSubscribers<>(10, 4, senders);
        RecordingClient slow = new RecordingClient(true);
        RecordingClient fast = new RecordingClient(false);
        subscribers.add(slow, "snapshot", "s");
        subscribers.add(fast, "snapshot", "s");

        // One delta a second in the server; here as fast as the fast client takes them.
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            subscribers.broadcast("delta", String.valueOf(i));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a broadcast only enqueues")
                    .isLessThan(Duration.ofSeconds(1));
            int expected = i + 2;
            await().atMost(Duration.ofSeconds(5)).until(() -> fast.received.size() == expected);
        }
        assertThat(fast.received).startsWith("snapshot:s", "delta:0").endsWith("delta:19");
        assertThat(subscribers.dropped()).isEqualTo(1);
        assertThat(subscribers.size()).isEqualTo(1);

        slow.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.closed);
        assertThat(slow.received).hasSizeLessThan(6);
        assertThat(fast.closed).isFalse();
    }

    @Test
    void no_more_than_the_most_streams_allowed_and_a_closed_one_frees_its_place() {
        LiveSubscribers<LiveSubscribers.Client> subscribers = new LiveSubscribers<>(2, 4, senders);
        LiveSubscribers<LiveSubscribers.Client>.Subscriber first = subscribers.add(new RecordingClient(false), "snapshot", "s").orElseThrow();
        assertThat(subscribers.add(new RecordingClient(false), "snapshot", "s")).isPresent();
        assertThat(subscribers.add(new RecordingClient(false), "snapshot", "s")).isEmpty();

        first.close();
        first.close();
        assertThat(subscribers.add(new RecordingClient(false), "snapshot", "s")).isPresent();
        assertThat(subscribers.add(new RecordingClient(false), "snapshot", "s")).isEmpty();
    }

    @Test
    void a_client_whose_connection_fails_is_closed_and_leaves() throws Exception {
        LiveSubscribers<LiveSubscribers.Client> subscribers = new LiveSubscribers<>(10, 4, senders);
        CountDownLatch closed = new CountDownLatch(1);
        subscribers.add(new LiveSubscribers.Client() {
            @Override
            public void send(String event, String data) throws IOException {
                throw new IOException("broken pipe");
            }

            @Override
            public void close() {
                closed.countDown();
            }
        }, "snapshot", "s");
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> subscribers.size() == 0);
        assertThat(subscribers.dropped()).isZero();
    }
}
