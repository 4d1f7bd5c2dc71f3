package io.airlines.config;

import java.time.Duration;
import java.lang.management.ManagementFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where the user should point a browser, once everything is up. */
@Component
public class StartupNotice {

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
        System.out.printf("%nAirlines is running at http://%s:%s/  (started in %.1f s; Ctrl+C to stop)%n%n",
                shown, port, uptime / 1000.0);
        System.out.flush();
    }
}
