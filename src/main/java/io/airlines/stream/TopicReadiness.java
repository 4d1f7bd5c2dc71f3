package io.airlines.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until new topics take writes. A partition's leader is in the cluster's metadata before
 * the leader itself has opened the partition, and an idempotent producer writing in that moment
 * can lose a batch without an error until its delivery timeout (KAFKA-15591, fixed in Kafka 4.5):
 * its first request fails with NOT_LEADER_OR_FOLLOWER, the next one in flight is appended, and
 * every retry of the first is then out of sequence. Asking each partition's leader for its end
 * offset answers only once the leader holds the partition, as a write would need.
 */
public final class TopicReadiness {

    private static final long RETRY_MS = 50;

    private TopicReadiness() {
    }

    /** Returns once every partition of {@code topics} answers its leader's end offset; else fails after {@code timeout}. */
    public static void awaitWritable(Admin admin, Collection<String> topics, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
                        .get(remainingMs(deadline), TimeUnit.MILLISECONDS).values()) {
                    topic.partitions().forEach(p -> partitions.put(new TopicPartition(topic.name(), p.partition()),
                            OffsetSpec.latest()));
                }
                admin.listOffsets(partitions).all().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException("cannot tell whether " + topics + " take writes", e.getCause());
                }
                last = e;
            } catch (TimeoutException e) {
                // the admin call used up the time left: the loop ends and names the topics
                last = e;
                continue;
            }
            Thread.sleep(RETRY_MS);
        }
        TimeoutException timedOut = new TimeoutException("partitions of " + topics + " not writable after " + timeout);
        timedOut.initCause(last);
        throw timedOut;
    }

    private static long remainingMs(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
