package io.airlines.api;

/** The resource a client asked for does not exist: HTTP 404 problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
