package io.airlines.config;

import java.util.regex.Pattern;

/** Hides credentials in anything that may be logged or shown. */
public final class UriMask {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");

    private UriMask() {
    }

    /** {@code mongodb://user:pass@host} becomes {@code mongodb://***@host}. */
    public static String maskUri(String uri) {
        return uri == null ? null : USER_INFO.matcher(uri).replaceAll("***@");
    }
}
