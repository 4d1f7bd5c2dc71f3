package io.airlines.aircraft;

import java.util.OptionalInt;

import io.airlines.api.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What is known of a transponder address. Not under {@code /api/v1/aircraft/}: that path lists the
 * reference aircraft types.
 */
@RestController
@Tag(name = "Aircraft identity", description = "Country, registration, type and operator of a 24-bit address")
class TransponderController {

    private final AircraftIdentities identities;

    TransponderController(AircraftIdentities identities) {
        this.identities = identities;
    }

    @GetMapping(path = "/api/v1/transponders/{hex}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Country, registration, type, model and operator of a 24-bit ICAO address, each with its source",
            description = "Sources: database (the aircraft database file), algorithm (a registry's address rule: "
                    + "US N-numbers, Canadian C-F/C-G marks), address (the ICAO allocation of address blocks). "
                    + "Unknown parts are null.")
    AircraftFacts transponder(@PathVariable String hex) {
        OptionalInt address = IcaoAddresses.parse(hex);
        if (address.isEmpty()) {
            throw new BadRequestException("hex", "hex must be a 24-bit ICAO address: 6 hexadecimal digits");
        }
        return identities.facts(address.getAsInt());
    }
}
