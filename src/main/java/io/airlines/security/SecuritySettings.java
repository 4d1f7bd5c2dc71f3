package io.airlines.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import static io.airlines.config.SettingsCheck.*;

/**
 * Limits every HTTP request is held to. Position batches (NDJSON) are allowed more than ordinary
 * JSON bodies because a receiver may post thousands of lines at once. {@code allowedHosts} are the
 * host names, beyond loopback names and IP addresses, that requests may name in {@code Host}
 * ({@code *} turns the check off).
 */
@ConfigurationProperties("airlines.security")
record SecuritySettings(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("16MB") DataSize maxPositionsBodySize,
        @DefaultValue("/api/v1/positions") String positionsPath,
        @DefaultValue("") List<String> allowedHosts) {

    SecuritySettings {
        positive("maxBodySize", maxBodySize);
        positive("maxPositionsBodySize", maxPositionsBodySize);
    }

    /** The largest body accepted on this path, in bytes. */
    public long limitFor(String path) {
        boolean positions = path != null && (path.equals(positionsPath) || path.startsWith(positionsPath + "/"));
        return (positions ? maxPositionsBodySize : maxBodySize).toBytes();
    }
}
