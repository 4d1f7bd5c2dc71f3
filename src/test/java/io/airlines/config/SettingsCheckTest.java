package io.airlines.config;

import java.util.Map;

import io.airlines.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SettingsCheckTest {

    private static String failureOf(Map<String, String> values) {
        Binder binder = new Binder(new MapConfigurationPropertySource(values));
        Throwable failure = catchThrowable(() -> binder.bindOrCreate("airlines.store", Bindable.of(StoreSettings.class)));
        assertThat(failure).as("binding %s", values).isNotNull();
        return StartupFailure.describe(failure);
    }

    @Test
    void a_value_out_of_range_a_word_for_a_number_and_an_unknown_mode_are_each_named_with_the_value() {
        assertThat(failureOf(Map.of("airlines.store.writers", "0")))
                .isEqualTo("AIRLINES_STORE_WRITERS=0: must be between 1 and 64");
        assertThat(failureOf(Map.of("airlines.store.writers", "abc")))
                .startsWith("AIRLINES_STORE_WRITERS=abc: not a valid value");
        assertThat(failureOf(Map.of("airlines.store.track-mode", "ful")))
                .isEqualTo("AIRLINES_TRACK_MODE=ful: must be one of full, thinned");
        assertThat(failureOf(Map.of("airlines.store.flush-interval", "0s")))
                .startsWith("AIRLINES_STORE_FLUSH_INTERVAL=0s: must be a positive duration");
    }

    @Test
    void the_defaults_pass_their_own_checks() {
        StoreSettings defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("airlines.store", Bindable.of(StoreSettings.class));
        assertThat(defaults.writers()).isEqualTo(2);
    }
}
