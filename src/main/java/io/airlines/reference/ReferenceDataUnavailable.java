package io.airlines.reference;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The reference data is not loaded yet and did not load within the wait: 503, to be asked again. */
public class ReferenceDataUnavailable extends ResponseStatusException {

    ReferenceDataUnavailable(String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, reason);
    }
}
