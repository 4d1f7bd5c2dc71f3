package io.airlines.security;

import io.airlines.api.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Requests the container itself cannot decode, such as a query parameter whose percent-encoding
 * is not UTF-8 ({@code ?limit=%FF%FE}): the client's fault, so 400 rather than the 500 the
 * general handler would give an unknown exception.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedRequests {

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e, HttpServletRequest request) {
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, "a query parameter is not valid UTF-8 percent-encoding",
                "query", request);
    }
}
