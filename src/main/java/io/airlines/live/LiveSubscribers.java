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

/**
 * The live stream's subscribers: at most {@code max}, each with a bounded queue that the sender
 * threads drain. A broadcast only enqueues, so neither the scheduler that builds the deltas nor
 * a fast client ever waits for a slow one; a subscriber whose queue is full is dropped and counted.
 */
final class LiveSubscribers {

    /** Where one subscriber's messages go: in the server, its SSE connection. */
    interface Client {
        void send(String event, String data) throws IOException;

        void close();
    }

    private final int max;
    private final int queueSize;
    private final Executor senders;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();

    LiveSubscribers(int max, int queueSize, Executor senders) {
        this.max = max;
        this.queueSize = queueSize;
        this.senders = senders;
    }

    /** A new subscriber whose first message is {@code first}; empty when {@code max} are connected. */
    Optional<Subscriber> add(Client client, String event, String first) {
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            return Optional.empty();
        }
        Subscriber subscriber = new Subscriber(client);
        subscribers.add(subscriber);
        subscriber.offer(new Message(event, first));
        return Optional.of(subscriber);
    }

    void broadcast(String event, String data) {
        Message message = new Message(event, data);
        for (Subscriber s : subscribers) {
            if (!s.offer(message)) {
                dropped.increment();
                s.close();
            }
        }
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    int size() {
        return subscribers.size();
    }

    long dropped() {
        return dropped.sum();
    }

    private record Message(String event, String data) {
    }

    final class Subscriber {

        private final Client client;
        private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(queueSize);
        private final AtomicBoolean draining = new AtomicBoolean();
        private final AtomicBoolean gone = new AtomicBoolean();
        private final AtomicBoolean clientClosed = new AtomicBoolean();

        private Subscriber(Client client) {
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
                client.close();
            }
            draining.set(false);
            // Work that arrived after the last look, while this drain still held the flag.
            if (gone.get() ? !clientClosed.get() : !queue.isEmpty()) {
                scheduleDrain();
            }
        }

        /** Leaves the broadcast list, once however many paths lead here; a sender ends the connection. */
        void close() {
            if (gone.compareAndSet(false, true)) {
                subscribers.remove(this);
                count.decrementAndGet();
                queue.clear();
                scheduleDrain();
            }
        }
    }
}
