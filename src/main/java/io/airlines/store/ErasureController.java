package io.airlines.store;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.airlines.api.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code DELETE /api/v1/aircraft-data/{hex}}: erasure on an owner's request (the API key is required, see ApiKeyFilter). */
@RestController
class ErasureController {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{6}");

    private final AircraftErasure erasure;

    ErasureController(AircraftErasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping(path = "/api/v1/aircraft-data/{hex}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase an aircraft's stored tracks, state, events and flight legs and block it from now on (needs X-API-Key)")
    Map<String, Object> erase(@PathVariable String hex) {
        if (!HEX.matcher(hex).matches()) {
            throw new BadRequestException("hex", "hex must be a 24-bit ICAO address: 6 hexadecimal digits");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("aircraft", hex.toLowerCase(Locale.ROOT));
        answer.put("deleted", erasure.erase(hex));
        answer.put("blocked", true);
        answer.put("note", "positions already in Kafka topics are dropped at validation and expire with their retention");
        return answer;
    }
}
