package io.airlines.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed start into one line naming the setting to change, and keeps Spring Boot from
 * printing a stack trace for problems the user can fix.
 */
public class StartupFailure extends AbstractFailureAnalyzer<StartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupException cause) {
        return new FailureAnalysis(cause.getMessage(), "Change the setting named above and start again.", cause);
    }

    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupException) {
                return t.getMessage();
            }
            if (t.getClass().getSimpleName().equals("PortInUseException")) {
                return "web server " + t.getMessage() + "; set SERVER_PORT to a free port";
            }
        }
        return rootMessage(failure);
    }

    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
