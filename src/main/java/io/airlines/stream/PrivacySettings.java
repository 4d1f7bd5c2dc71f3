package io.airlines.stream;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the privacy block list comes from: {@code AIRLINES_PRIVACY_BLOCKLIST} (comma list) and/or
 * {@code AIRLINES_PRIVACY_BLOCKLIST_FILE} (one entry per line). Both empty: nothing is blocked.
 */
@ConfigurationProperties("airlines.privacy")
record PrivacySettings(@DefaultValue("") String blocklist, Path blocklistFile) {

    public PrivacyBlocklist load() {
        return PrivacyBlocklist.load(blocklist, blocklistFile);
    }
}
