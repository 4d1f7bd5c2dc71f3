package io.airlines.live;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The live stream's subscribers: at most {@code max}, each with a bounded queue that the sender
 * threads drain. A broadcast only enqueues, so neither the scheduler that builds the deltas nor
 * a fast client ever waits for a slow one; a subscriber whose queue is full is dropped and counted.
 * Shared by the live map's stream and the alert stream, whose clients carry their own filters.
 */
public final class LiveSubscribers<C extends LiveSubscribers.Client> {

    /** Where one subscriber's messages go: in the server, its SSE connection. */
    public interface Client {
        void send(String event, String data) throws IOException;

        /** Told, on a sender thread and before {@link #close()}, that it fell too far behind. */
        default void dropped() throws IOException {
        }

        void close();
    }

    private final int max;
    private final int queueSize;
    private final Executor senders;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();

    public LiveSubscribers(int max, int queueSize, Executor senders) {
        this.max = max;
        this.queueSize = queueSize;
        this.senders = senders;
    }

    /** A new subscriber whose first message is {@code first}; empty when {@code max} are connected. */
    public Optional<Subscriber> add(C client, String event, String first) {
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            return Optional.empty();
        }
        Subscriber subscriber = new Subscriber(client);
        subscribers.add(subscriber);
        subscriber.offer(new Message(event, first));
        return Optional.of(subscriber);
    }

    public void broadcast(String event, String data) {
        broadcast(event, data, client -> true);
    }

    /** Enqueues the message for the subscribers whose client {@code wants} it. */
    public void broadcast(String event, String data, Predicate<? super C> wants) {
        Message message = new Message(event, data);
        for (Subscriber s : subscribers) {
            if (wants.test(s.client) && !s.offer(message)) {
                dropped.increment();
                s.behind.set(true);
                s.close();
            }
        }
    }

    /** Whether a subscriber's client is one that {@code which} picks: a message nobody wants need not be built. */
    public boolean any(Predicate<? super C> which) {
        for (Subscriber s : subscribers) {
            if (which.test(s.client)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return subscribers.isEmpty();
    }

    public int size() {
        return subscribers.size();
    }

    /** Gauge {@code name} of the subscribers connected, counter {@code name.dropped} of those dropped. */
    public void measure(MeterRegistry registry, String name, String what) {
        Gauge.builder(name, this, LiveSubscribers::size).description(what + " subscribers connected").register(registry);
        FunctionCounter.builder(name + ".dropped", this, LiveSubscribers::dropped)
                .description(what + " subscribers dropped for falling a queue of messages behind").register(registry);
    }

    public long dropped() {
        return dropped.sum();
    }

    private record Message(String event, String data) {
    }

    public final class Subscriber {

        private final C client;
        private final AtomicBoolean behind = new AtomicBoolean();
        private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(queueSize);
        private final AtomicBoolean draining = new AtomicBoolean();
        private final AtomicBoolean gone = new AtomicBoolean();
        private final AtomicBoolean clientClosed = new AtomicBoolean();

        private Subscriber(C client) {
            this.client = client;
        }

        private boolean offer(Message message) {
            if (gone.get() || !queue.offer(message)) {
                return false;
            }
            scheduleDrain();
            return true;
        }

        private void scheduleDrain() {
            if (draining.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        /**
         * Sends what is queued, on a sender thread. The connection is also closed here, never on
         * the caller of {@link #close()}: closing waits for a send in progress to a slow client.
         */
        private void drain() {
            try {
                for (Message m = queue.poll(); m != null && !gone.get(); m = queue.poll()) {
                    client.send(m.event(), m.data());
                }
            } catch (IOException | RuntimeException e) {
                close();
            }
            if (gone.get() && clientClosed.compareAndSet(false, true)) {
                farewell();
                client.close();
            }
            draining.set(false);
            // Work that arrived after the last look, while this drain still held the flag.
            if (gone.get() ? !clientClosed.get() : !queue.isEmpty()) {
                scheduleDrain();
            }
        }

        private void farewell() {
            if (behind.get()) {
                try {
                    client.dropped();
                } catch (IOException | RuntimeException e) {
                    // the connection is going anyway: the last word could not be said
                }
            }
        }

        /** Leaves the broadcast list, once however many paths lead here; a sender ends the connection. */
        public void close() {
            if (gone.compareAndSet(false, true)) {
                subscribers.remove(this);
                count.decrementAndGet();
                queue.clear();
                scheduleDrain();
            }
        }
    }
}
