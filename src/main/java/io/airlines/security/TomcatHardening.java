package io.airlines.security;

import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat rejects before Spring sees them (bad protocol version, oversized headers) get
 * Tomcat's own error page: keep it to the status line, without the server's name and version.
 */
@Component
class TomcatHardening implements TomcatContextCustomizer {

    @Override
    public void customize(Context context) {
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve report) {
                        report.setShowReport(false);
                        report.setShowServerInfo(false);
                    }
                }
            }
        });
    }
}
