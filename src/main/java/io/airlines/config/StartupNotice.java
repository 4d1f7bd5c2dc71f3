package io.airlines.config;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints where the user should point a browser, once everything is up, and warns when the server
 * listens beyond loopback in plain HTTP: the API key and the data would cross the network in clear.
 */
@Component
class StartupNotice {

    private static final Logger log = LoggerFactory.getLogger(StartupNotice.class);

    private final Environment environment;

    public StartupNotice(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void announce() {
        String host = environment.getProperty("server.address", "127.0.0.1");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8050"));
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        long uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).toMillis();
        boolean tls = tls();
        if (!tls && !LocalPorts.isLoopback(host)) {
            log.warn("Listening on {} without TLS: the API key and all data cross the network in clear. Set "
                    + "SERVER_SSL_KEY_STORE (and SERVER_SSL_KEY_STORE_PASSWORD) or put a TLS proxy in front", host);
        }
        System.out.printf("%nAirlines is running at %s://%s:%s/  (started in %.1f s; Ctrl+C to stop)%n%n",
                tls ? "https" : "http", shown, port, uptime / 1000.0);
        System.out.flush();
    }

    private boolean tls() {
        boolean configured = environment.getProperty("server.ssl.key-store") != null
                || environment.getProperty("server.ssl.bundle") != null;
        return configured && environment.getProperty("server.ssl.enabled", Boolean.class, true);
    }
}
