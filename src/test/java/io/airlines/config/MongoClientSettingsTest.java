package io.airlines.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The client's timeouts and write concern come from the settings; what MONGODB_URI spells out wins. */
class MongoClientSettingsTest {

    @Test
    void every_wait_on_the_server_is_bounded_by_default() {
        MongoClientSettings client = client("mongodb://127.0.0.1:27017", Map.of());

        assertThat(client.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
        assertThat(client.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(30_000);
        assertThat(client.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
        assertThat(client.getWriteConcern().getJournal()).isNull();
    }

    @Test
    void the_timeouts_follow_their_settings_and_the_uri_has_the_last_word() {
        MongoClientSettings client = client("mongodb://127.0.0.1:27017/?connectTimeoutMS=1000",
                Map.of("airlines.mongo.connect-timeout", "7s", "airlines.mongo.operation-timeout", "3s",
                        "airlines.mongo.server-selection-timeout", "2s"));

        assertThat(client.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_000);
        assertThat(client.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
        assertThat(client.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
    }

    @Test
    void disk_durability_asks_every_write_for_the_journal_on_top_of_the_uri_write_concern() {
        MongoClientSettings client = client("mongodb://127.0.0.1:27017/?w=majority", Map.of("airlines.mongo.durability", "disk"));

        assertThat(client.getWriteConcern().getJournal()).isTrue();
        assertThat(client.getWriteConcern().getWString()).isEqualTo("majority");
    }

    private static MongoClientSettings client(String uri, Map<String, String> properties) {
        AirlinesSettings settings = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("airlines", AirlinesSettings.class);
        return MongoConnection.clientSettings(new ConnectionString(uri), settings.mongo(), new CommandWatch());
    }
}
