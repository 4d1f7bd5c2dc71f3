package io.airlines.aircraft;

import java.util.Optional;

/** Registrations that follow from the address alone, where a registry assigns addresses by rule. */
public final class AlgorithmicRegistrations {

    private AlgorithmicRegistrations() {
    }

    /** The registration of an address in the United States or Canadian sequences; empty elsewhere. */
    public static Optional<String> registrationOf(int address) {
        Optional<String> american = NNumbers.registrationOf(address);
        return american.isPresent() ? american : CanadianRegistrations.registrationOf(address);
    }
}
