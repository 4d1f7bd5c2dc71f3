package io.airlines.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests whose {@code Host} names another site (421), pages and API alike: that is how
 * a page on a DNS-rebinding domain would read from, or write to, a server on the user's loopback.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HostCheck extends OncePerRequestFilter {

    static final int MISDIRECTED_REQUEST = 421;

    private final AllowedHosts allowed;

    public HostCheck(SecuritySettings settings, @Value("${server.address:127.0.0.1}") String bindAddress) {
        this.allowed = AllowedHosts.of(settings.allowedHosts(), bindAddress);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (allowed.allows(request.getHeader("Host"))) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponse.write(response, MISDIRECTED_REQUEST, "Misdirected Request",
                "this server does not answer to that host name; add it to AIRLINES_ALLOWED_HOSTS", "Host");
    }
}
