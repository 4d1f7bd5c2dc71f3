package io.airlines.api;

/**
 * A client sent something we cannot accept. Answered as HTTP 400 problem+json naming the field.
 */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
