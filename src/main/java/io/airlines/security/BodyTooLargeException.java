package io.airlines.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Thrown while reading a body that turned out larger than allowed. A ResponseStatusException, so
 * the API's error handler answers 413 problem+json rather than 400 or 500.
 */
class BodyTooLargeException extends ResponseStatusException {

    public BodyTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "the request body is larger than " + limit + " bytes");
    }
}
