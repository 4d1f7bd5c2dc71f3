package io.airlines.alert;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The latest alerts, numbered, so that a stream that reconnects with the SSE {@code Last-Event-ID}
 * gets the alerts it missed. An id is {@code <run>-<number>}: an id of another run of the server
 * (before a restart) gets every alert held, all of them new to its client; an id older than the
 * oldest held gets every alert held, the most that can be given.
 */
final class AlertRing {

    /** An alert with its number in this run, its event id and its JSON. */
    record Numbered(long number, String id, Alert alert, String json) {
    }

    private final String run;
    private final int capacity;
    private final Deque<Numbered> latest;
    private long next = 1;

    AlertRing(String run, int capacity) {
        this.run = run;
        this.capacity = capacity;
        this.latest = new ArrayDeque<>(capacity);
    }

    synchronized Numbered add(Alert alert, String json) {
        long number = next++;
        Numbered numbered = new Numbered(number, run + "-" + number, alert, json);
        if (latest.size() == capacity) {
            latest.removeFirst();
        }
        latest.addLast(numbered);
        return numbered;
    }

    /** The alerts held after the one of {@code lastEventId}; none without an id, or with one not ours. */
    synchronized List<Numbered> after(String lastEventId) {
        if (lastEventId == null) {
            return List.of();
        }
        int dash = lastEventId.lastIndexOf('-');
        if (dash < 0) {
            return List.of();
        }
        if (!lastEventId.substring(0, dash).equals(run)) {
            return List.copyOf(latest);
        }
        long seen;
        try {
            seen = Long.parseLong(lastEventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return List.of();
        }
        return latest.stream().filter(n -> n.number() > seen).toList();
    }
}
