package io.airlines.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class UriMaskTest {

    @Test
    void user_info_and_secret_options_are_hidden_and_the_rest_kept() {
        String uri = "mongodb://app:s3cr3t@mongo1,mongo2/?replicaSet=rs0&authMechanism=MONGODB-AWS"
                + "&authMechanismProperties=AWS_SESSION_TOKEN:tok3n&tlsCertificateKeyFilePassword=pa55&w=majority";
        String masked = UriMask.maskUri(uri);
        assertThat(masked).doesNotContain("s3cr3t", "tok3n", "pa55", "app:")
                .isEqualTo("mongodb://***@mongo1,mongo2/?replicaSet=rs0&authMechanism=MONGODB-AWS"
                        + "&authMechanismProperties=***&tlsCertificateKeyFilePassword=***&w=majority");
        assertThat(UriMask.maskUri("mongodb://h/?password=x;apiKey=y&clientSecret=z")).isEqualTo(
                "mongodb://h/?password=***;apiKey=***&clientSecret=***");
        assertThat(UriMask.maskUri("mongodb://127.0.0.1:27017/airlines")).isEqualTo("mongodb://127.0.0.1:27017/airlines");
    }

    @Test
    void settings_print_neither_the_api_key_nor_the_store_credentials() {
        AirlinesSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "airlines.api-key", "k-s3cr3t-key",
                "airlines.mongo.uri", "mongodb://app:pa55word@mongo1/?tlsCertificateKeyFilePassword=t0p")))
                .bindOrCreate("airlines", AirlinesSettings.class);
        assertThat(settings.apiKey()).isEqualTo("k-s3cr3t-key");
        assertThat(settings.toString()).doesNotContain("k-s3cr3t-key", "pa55word", "t0p")
                .contains("apiKey=***").contains("mongodb://***@mongo1").contains("durability=");
    }

    @Test
    void a_secret_shows_only_whether_it_is_set() {
        assertThat(UriMask.maskSecret("k-123")).isEqualTo("***");
        assertThat(UriMask.maskSecret("")).isEqualTo("(none)");
        assertThat(UriMask.maskSecret(null)).isEqualTo("(none)");
    }
}
