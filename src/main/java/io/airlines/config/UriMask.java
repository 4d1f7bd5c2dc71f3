package io.airlines.config;

import java.util.regex.Pattern;

/** Hides credentials in anything that may be logged or shown. */
public final class UriMask {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");
    /**
     * Options that carry a secret in a connection string: MongoDB's AWS session token and TLS key
     * passwords, and the password, secret and token options of other drivers.
     */
    private static final Pattern SECRET_OPTION = Pattern.compile(
            "(?i)([?&;][a-z0-9_.:-]*(?:password|passwd|pwd|secret|token|key|credential|authMechanismProperties)"
                    + "[a-z0-9_.:-]*=)[^&;#\\s]*");

    private UriMask() {
    }

    /**
     * {@code mongodb://user:pass@host/?authMechanismProperties=AWS_SESSION_TOKEN:t&tlsCertificateKeyFilePassword=p}
     * becomes {@code mongodb://***@host/?authMechanismProperties=***&tlsCertificateKeyFilePassword=***}.
     */
    public static String maskUri(String uri) {
        if (uri == null) {
            return null;
        }
        String masked = USER_INFO.matcher(uri).replaceAll("***@");
        return SECRET_OPTION.matcher(masked).replaceAll("$1***");
    }

    /** A secret as it may be shown: whether it is set, never what it is. */
    public static String maskSecret(String secret) {
        return secret == null || secret.isEmpty() ? "(none)" : "***";
    }
}
