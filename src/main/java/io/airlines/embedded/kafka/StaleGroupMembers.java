package io.airlines.embedded.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members a killed process left in the application's consumer groups. A restarted broker
 * loads them with its groups and waits for each to rejoin until its session times out (45 s)
 * before it assigns a partition: after a crash the whole pipeline, the live map included, stood
 * still that long. Right after the embedded broker starts every member is one of those (a client
 * of another instance that got in first only has to join again), so they are removed at once.
 */
final class StaleGroupMembers {

    private static final Logger log = LoggerFactory.getLogger(StaleGroupMembers.class);
    /** The groups of this application's loops: airlines-validate, airlines-store, … */
    static final String GROUP_PREFIX = "airlines-";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private StaleGroupMembers() {
    }

    /** Removes every member of the application's groups; returns how many; a failure is logged, never thrown. */
    static int remove(String bootstrapServers) {
        int timeout = (int) TIMEOUT.toMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout))) {
            List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(timeout, TimeUnit.MILLISECONDS).stream()
                    .map(GroupListing::groupId).filter(id -> id.startsWith(GROUP_PREFIX)).toList();
            int removed = 0;
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all()
                    .get(timeout, TimeUnit.MILLISECONDS).values()) {
                if (!group.members().isEmpty()) {
                    admin.removeMembersFromConsumerGroup(group.groupId(), new RemoveMembersFromConsumerGroupOptions())
                            .all().get(timeout, TimeUnit.MILLISECONDS);
                    removed += group.members().size();
                }
            }
            if (removed > 0) {
                log.info("Removed {} consumer group member(s) left by a process that did not stop cleanly", removed);
            }
            return removed;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not remove the consumer group members a previous process left; "
                    + "the pipeline may wait up to 45 s for them to time out: {}", e.toString());
            return 0;
        }
    }
}
