package io.airlines.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static io.airlines.config.SettingsCheck.*;

/**
 * The OpenSky Network poller ({@code airlines.opensky.*}), off by default.
 *
 * @param bbox         optional {@code minLat,minLon,maxLat,maxLon} (OpenSky's lamin,lomin,lamax,lomax order)
 * @param clientId     OAuth2 client credentials; empty polls anonymously (lower rate limits)
 * @param tokenUrl     where client credentials are exchanged for a bearer token
 */
@ConfigurationProperties("airlines.opensky")
record OpenSkySettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("https://opensky-network.org") String baseUrl,
        @DefaultValue("") String bbox,
        @DefaultValue("15s") Duration interval,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("https://auth.opensky-network.org/auth/realms/opensky-network/protocol/openid-connect/token") String tokenUrl) {

    OpenSkySettings {
        positive("interval", interval);
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "OpenSkySettings[enabled=" + enabled + ", baseUrl=" + baseUrl + ", bbox=" + bbox + ", interval=" + interval
                + ", clientId=" + (clientId.isEmpty() ? "" : "***") + "]";
    }
}
