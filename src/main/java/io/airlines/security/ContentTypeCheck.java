package io.airlines.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request's {@code Content-Type} names what the body is, so a wildcard ({@code *}{@code /*}) or
 * an unparseable one is a client error (415). Spring MVC skips its consumes check for an empty
 * body and then fails on such a header with an assertion, which would surface as a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ContentTypeCheck extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getContentType();
        if (header != null && !header.isBlank() && !acceptable(header)) {
            ProblemResponse.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "Content-Type must name one concrete media type, such as application/json", "Content-Type");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean acceptable(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
