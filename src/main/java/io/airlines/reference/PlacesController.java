package io.airlines.reference;

import java.util.List;

import io.airlines.api.ApiParams;
import io.airlines.api.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reference data", description = "Countries, cities, airports, airlines, aircraft")
class PlacesController {

    private final PlaceSearch places;

    public PlacesController(PlaceSearch places) {
        this.places = places;
    }

    @GetMapping("/api/v1/places")
    @Operation(summary = "Autocomplete cities and airports",
            description = "Cities of several airports and airports whose code, or a word of a name in English, French "
                    + "or the local language, starts with q; exact codes and names first, then bigger places first.")
    public List<Place> places(@Parameter(description = "code or name prefix, any language", example = "par")
                              @RequestParam(required = false) String q,
                              @Parameter(description = "1..1000") @RequestParam(required = false) String limit) {
        int n = ApiParams.limit(limit, 10);
        ApiParams.required("q", q);
        if (q.length() > 100) {
            throw new BadRequestException("q", "parameter 'q' must be at most 100 characters");
        }
        return places.search(q, n);
    }
}
