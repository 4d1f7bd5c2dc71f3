package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A loop stopped while its step is busy elsewhere than in a poll (writing what it read, as the
 * sink does): the wakeup that stop() sends is still pending when the loop commits at close. The
 * commit must go through and the consumer must leave its group: a member that does not leave
 * holds its partitions for the session timeout (45 s) before another instance gets them.
 */
class ConsumerLoopStopIT extends IntegrationTest {

    @Autowired
    KafkaClients clients;

    /** Polls, and keeps what it read pending until close, as the sink does: then commits and closes. */
    private final class BusyLoop extends ConsumerLoop {

        final String topic;
        final String group;
        final CountDownLatch read = new CountDownLatch(1);
        final CountDownLatch wokenUp = new CountDownLatch(1);
        final List<String> pending = new ArrayList<>();

        BusyLoop(String topic, String group) {
            super("busy-loop");
            this.topic = topic;
            this.group = group;
        }

        @Override
        protected void open() {
            consumer = clients.consumer(group, "busy-loop");
            consumer.subscribe(List.of(topic));
        }

        @Override
        protected void step() throws InterruptedException {
            poll(Duration.ofMillis(200)).forEach(r -> pending.add(TestKafka.value(r)));
            if (pending.size() == 3 && read.getCount() > 0) {
                read.countDown();
                // Busy writing, not polling, when stop() wakes the consumer up.
                assertThat(wokenUp.await(30, TimeUnit.SECONDS)).isTrue();
            }
        }

        @Override
        protected void wakeup() {
            super.wakeup();
            wokenUp.countDown();
        }

        @Override
        protected void close() {
            if (consumer != null && !pending.isEmpty()) {
                commitSync();
            }
            super.close();
        }
    }

    @Test
    void a_loop_stopped_while_busy_commits_what_it_read_and_leaves_its_group_at_once() throws Exception {
        String topic = TestKafka.newTopic("loop-stop");
        String group = "loop-stop-" + UUID.randomUUID();
        TestKafka.send(topic, "k", "a", "b", "c");
        BusyLoop loop = new BusyLoop(topic, group);
        loop.start();
        assertThat(loop.read.await(60, TimeUnit.SECONDS)).as("the loop read the three records").isTrue();

        loop.stop();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()))) {
            Map<?, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            assertThat(committed.values()).extracting(OffsetAndMetadata::offset).as("committed at close").containsExactly(3L);
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
            assertThat(description.members()).as("members left in the group right after the stop").isEmpty();
        }
    }
}
