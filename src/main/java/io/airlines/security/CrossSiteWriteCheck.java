package io.airlines.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes come from this server's own pages or from programs, never from another site the user
 * happens to visit: without an API key (the loopback default) any page could otherwise post
 * positions or start Lufthansa jobs. A browser names a foreign page in {@code Origin} and
 * {@code Sec-Fetch-Site}; and a write must carry JSON or NDJSON, which a browser sends across
 * sites only after a CORS preflight this server never grants.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class CrossSiteWriteCheck extends OncePerRequestFilter {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FOREIGN_FETCH_SITES = Set.of("cross-site", "same-site");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READ_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (foreign(request)) {
            ProblemResponse.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "writes from another site's pages are refused", "Origin");
            return;
        }
        if (!jsonOrEmpty(request)) {
            ProblemResponse.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "a write carries application/json or application/x-ndjson", "Content-Type");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean foreign(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && FOREIGN_FETCH_SITES.contains(fetchSite.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameAuthority(origin, request.getHeader("Host"));
    }

    /** {@code Origin} names scheme, host and port; a TLS proxy may change the scheme, so only host:port count. */
    static boolean sameAuthority(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String authority = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
            String given = host.trim().toLowerCase(Locale.ROOT);
            boolean hasPort = given.lastIndexOf(':') > given.lastIndexOf(']');
            return authority.equals(given) || (!hasPort && (authority.equals(given + ":80") || authority.equals(given + ":443")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** JSON or NDJSON; or no type at all for a write without a body, as the original cron script sends. */
    static boolean jsonOrEmpty(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || type.isBlank()) {
            return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
        }
        String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.equals("application/x-ndjson")
                || (media.startsWith("application/") && media.endsWith("+json"));
    }
}
