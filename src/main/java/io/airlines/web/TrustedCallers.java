package io.airlines.web;

import java.io.IOException;
import java.security.Principal;

import io.airlines.config.LocalPorts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health details and the about page name broker addresses, the cluster id and the store; the
 * public sees the status only. Actuator shows details ({@code show-details: when-authorized}), and
 * the about page addresses, to a request with a principal, which this filter gives to callers on
 * this machine and to holders of the API key. A request relayed by a proxy is not local, whatever
 * address the proxy connects from.
 */
@Component
class TrustedCallers extends OncePerRequestFilter {

    private static final Principal TRUSTED = () -> "trusted-caller";

    private final ApiKeyFilter apiKey;

    TrustedCallers(ApiKeyFilter apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/actuator") && !path.equals("/about");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(trusted(request) ? withPrincipal(request) : request, response);
    }

    boolean trusted(HttpServletRequest request) {
        return apiKey.carriesKey(request) || (local(request) && request.getHeader("X-Forwarded-For") == null
                && request.getHeader("Forwarded") == null);
    }

    private static boolean local(HttpServletRequest request) {
        return LocalPorts.isLoopback(request.getRemoteAddr());
    }

    private static HttpServletRequest withPrincipal(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return TRUSTED;
            }
        };
    }
}
