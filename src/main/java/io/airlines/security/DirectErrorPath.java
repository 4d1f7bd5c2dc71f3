package io.airlines.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards failed requests; asked for directly it has no
 * error to render and Spring Boot answers 500. A client asking for it gets 404 instead.
 * (Forwards are error dispatches, which this filter does not see.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DirectErrorPath extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/error") || path.startsWith("/error/") || path.startsWith("/error;"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemResponse.write(response, HttpServletResponse.SC_NOT_FOUND, "Not Found", "no such resource", null);
    }
}
