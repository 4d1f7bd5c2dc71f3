package io.airlines.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.airlines.config.AirlinesSettings;
import io.airlines.config.StoreDurability;
import io.airlines.support.FreePorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store syncs its file on its own clock, so that H2 may reuse the space of old versions after
 * a few seconds: what replaced them is on disk by then.
 */
class StoreSyncTest {

    @TempDir
    Path dir;

    @Test
    void a_written_file_is_synced_within_a_few_seconds_and_again_after_the_next_write() {
        AirlinesSettings.Mongo settings = new AirlinesSettings.Mongo("", "airlines", FreePorts.next(), Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(10), StoreDurability.PROCESS);
        EmbeddedMongoStore store = new EmbeddedMongoStore(settings, dir);
        store.start();
        Duration within = EmbeddedMongoStore.SYNC_INTERVAL.multipliedBy(3);
        try (MongoClient client = MongoClients.create(store.uri())) {
            client.getDatabase("airlines").getCollection("synced").insertOne(new Document("_id", 1));
            await().atMost(within).until(() -> store.periodicSyncs() >= 1);
            long synced = store.periodicSyncs();

            client.getDatabase("airlines").getCollection("synced").insertOne(new Document("_id", 2));

            await().atMost(within).until(() -> store.periodicSyncs() > synced);
            assertThat(store.syncs()).as("none asked for by a write").isZero();
        } finally {
            store.close();
        }
        assertThat(store.periodicSyncs()).as("closed").isZero();
    }
}
