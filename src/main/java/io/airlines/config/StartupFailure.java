package io.airlines.config;

import java.util.Locale;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.SystemEnvironmentOrigin;

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
            if (t instanceof BindException bind) {
                return invalidSetting(bind);
            }
            if (t.getClass().getSimpleName().equals("PortInUseException")) {
                return "web server " + t.getMessage() + "; set SERVER_PORT to a free port";
            }
        }
        return rootMessage(failure);
    }

    public static String rootMessage(Throwable e) {
        Throwable t = rootCause(e);
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /**
     * {@code AIRLINES_STORE_WRITERS=0: must be between 1 and 64}: the environment variable, the value
     * and what is wrong with it, whether the value could not be read (a word for a number) or a
     * settings record's check refused it.
     */
    static String invalidSetting(BindException bind) {
        Throwable cause = rootCause(bind);
        if (cause instanceof SettingsCheck.InvalidSetting invalid) {
            return variable(bind.getName() + "." + invalid.component()) + "=" + invalid.value() + ": "
                    + invalid.getMessage();
        }
        ConfigurationProperty property = bind.getProperty();
        String name = property == null ? variable(bind.getName().toString())
                : property.getOrigin() instanceof SystemEnvironmentOrigin env ? env.getProperty()
                : variable(property.getName().toString());
        String value = property == null ? "" : "=" + property.getValue();
        return name + value + ": not a valid value (" + cause.getMessage() + ")";
    }

    /** The environment variable that sets a property, given in any form ({@code airlines.store.trackMode}). */
    static String variable(String property) {
        return EnvironmentAliases.variableOf(property.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
