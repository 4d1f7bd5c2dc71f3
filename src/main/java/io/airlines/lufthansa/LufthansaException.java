package io.airlines.lufthansa;

/** A call to the Lufthansa API failed for good; the message is safe to show (no token, no secret). */
class LufthansaException extends RuntimeException {

    public LufthansaException(String message) {
        super(message);
    }

    public LufthansaException(String message, Throwable cause) {
        super(message, cause);
    }
}
