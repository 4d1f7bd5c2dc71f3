package io.airlines.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which {@code Host} header values name this server. A page on a rebinding domain reaches the
 * loopback port with its own name in {@code Host}; an IP literal cannot be rebound, so only names
 * are checked: loopback names, the machine's own name, the bind address and the configured list.
 */
final class AllowedHosts {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> names;
    private final boolean any;

    AllowedHosts(List<String> configured, String bindAddress, String machineName) {
        this.any = configured.stream().anyMatch(h -> h.trim().equals("*"));
        this.names = Stream.concat(configured.stream(),
                        Stream.of("localhost", bindAddress, machineName))
                .filter(h -> h != null && !h.isBlank())
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    static AllowedHosts of(List<String> configured, String bindAddress) {
        return new AllowedHosts(configured, bindAddress, machineName());
    }

    /** True for a missing header (HTTP/1.0; browsers always send one), an IP literal or a known name. */
    boolean allows(String hostHeader) {
        if (any || hostHeader == null || hostHeader.isBlank()) {
            return true;
        }
        String host = hostOf(hostHeader.trim().toLowerCase(Locale.ROOT));
        return host.startsWith("[") || IPV4.matcher(host).matches() || names.contains(host)
                || names.contains(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
    }

    /** The host part of {@code host[:port]}, an IPv6 literal kept in its brackets. */
    static String hostOf(String header) {
        if (header.startsWith("[")) {
            int close = header.indexOf(']');
            return close < 0 ? header : header.substring(0, close + 1);
        }
        int colon = header.lastIndexOf(':');
        return colon < 0 ? header : header.substring(0, colon);
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
