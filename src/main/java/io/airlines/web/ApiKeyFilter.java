package io.airlines.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import io.airlines.config.AirlinesSettings;
import io.airlines.config.LocalPorts;
import io.airlines.config.StartupException;
import io.airlines.security.ProblemResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Write endpoints need the API key ({@code X-API-Key}) whenever one is configured, and one must be
 * configured as soon as the server listens beyond loopback: the server refuses to start otherwise.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String ERASURE_PATH = "/api/v1/aircraft-data/";

    private final byte[] key;

    public ApiKeyFilter(AirlinesSettings settings, @Value("${server.address:127.0.0.1}") String bindAddress) {
        String configured = settings.apiKey() == null ? "" : settings.apiKey();
        if (configured.isEmpty() && !LocalPorts.isLoopback(bindAddress)) {
            throw new StartupException("the server would listen on " + bindAddress
                    + " beyond loopback without an API key; set AIRLINES_API_KEY (or AIRLINES_BIND=127.0.0.1)");
        }
        this.key = configured.getBytes(StandardCharsets.UTF_8);
    }

    public boolean required() {
        return key.length > 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!required() && erasure(request)) {
            // Irreversible, so never open: without a configured key nobody may erase.
            ProblemResponse.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "erasing aircraft data needs AIRLINES_API_KEY set on the server and sent as X-API-Key", HEADER);
            return;
        }
        if (!required() || READ_METHODS.contains(request.getMethod()) || request.getRequestURI().startsWith("/actuator")) {
            chain.doFilter(request, response);
            return;
        }
        if (carriesKey(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponse.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                "this endpoint needs a valid X-API-Key header", HEADER);
    }

    private static boolean erasure(HttpServletRequest request) {
        return request.getRequestURI().startsWith(ERASURE_PATH) && !READ_METHODS.contains(request.getMethod());
    }

    /** True when a key is configured and the request carries it. */
    boolean carriesKey(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        return required() && given != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8));
    }
}
