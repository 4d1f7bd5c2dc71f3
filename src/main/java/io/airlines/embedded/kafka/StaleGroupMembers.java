package io.airlines.embedded.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members a killed process left in its consumer groups. A restarted broker loads them with
 * the groups and waits for each to rejoin until its session times out (45 s) before it assigns a
 * partition: after a crash the whole pipeline, the live map included, stood still that long.
 * Each group is cleared once, just before this process's first consumer of it joins: any member
 * then is a leftover (a client of another instance that got in first only has to join again).
 *
 * <p>Groups are described by name rather than listed: a listing taken before the restarted broker
 * has loaded its group metadata comes back empty without error, while a description waits for it.
 */
final class StaleGroupMembers {

    private static final Logger log = LoggerFactory.getLogger(StaleGroupMembers.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String bootstrapServers;
    private final Set<String> cleared = ConcurrentHashMap.newKeySet();

    StaleGroupMembers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Removes every member of {@code groupId} the first time it is asked for that group; returns
     * how many. A failure is logged, never thrown: at worst the pipeline waits for the sessions.
     */
    int removeOnce(String groupId) {
        if (!cleared.add(groupId)) {
            return 0;
        }
        int timeout = (int) TIMEOUT.toMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                    .get(timeout, TimeUnit.MILLISECONDS).get(groupId);
            int members = group.members().size();
            if (members > 0) {
                admin.removeMembersFromConsumerGroup(groupId, new RemoveMembersFromConsumerGroupOptions())
                        .all().get(timeout, TimeUnit.MILLISECONDS);
                log.info("Removed {} member(s) of consumer group {} left by a process that did not stop cleanly",
                        members, groupId);
            }
            return members;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not remove the members a previous process left in consumer group {}; "
                    + "it may wait up to 45 s for them to time out: {}", groupId, e.toString());
            return 0;
        }
    }
}
