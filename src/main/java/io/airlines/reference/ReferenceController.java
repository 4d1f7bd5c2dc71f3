package io.airlines.reference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.airlines.api.ApiParams;
import io.airlines.api.BadRequestException;
import io.airlines.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reference lists with the original field names. The original paths ({@code /countries} ...) are
 * kept as aliases of the versioned ones. Paging: {@code offset} and {@code limit}, the total in
 * the {@code X-Total-Count} header.
 */
@RestController
@Tag(name = "Reference data", description = "Countries, cities, airports, airlines, aircraft")
class ReferenceController {

    private final ReferenceCatalog catalog;

    public ReferenceController(ReferenceCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping({"/api/v1/{kind:countries|cities|airports|airlines|aircraft}", "/{kind:countries|cities|airports|airlines}"})
    @Operation(summary = "List reference documents",
            description = "Filters: country (ISO code), city (city code), q (prefix of the code or of a word of a name, any language).")
    public ResponseEntity<List<Document>> list(
            @PathVariable String kind,
            @Parameter(description = "ISO country code, e.g. FR") @RequestParam(required = false) String country,
            @Parameter(description = "city code, e.g. PAR") @RequestParam(required = false) String city,
            @Parameter(description = "code or name prefix") @RequestParam(required = false) String q,
            @Parameter(description = "1..1000, default 100") @RequestParam(required = false) String limit,
            @Parameter(description = "documents to skip") @RequestParam(required = false) String offset) {
        ReferenceKind k = ReferenceKind.byCollection(kind).orElseThrow(() -> new NotFoundException("unknown list " + kind));
        int n = ApiParams.limit(limit, 100);
        int skip = ApiParams.offset(offset);
        Predicate<Document> filter = d -> true;
        if (country != null) {
            String c = known("country", country, ReferenceKind.COUNTRIES);
            filter = filter.and(d -> c.equals(d.getString("country_code")));
        }
        if (city != null) {
            String c = known("city", city, ReferenceKind.CITIES);
            filter = filter.and(d -> c.equals(d.getString("city_code")));
        }
        if (q != null && !q.isBlank()) {
            String folded = PlaceSearch.fold(q.trim());
            filter = filter.and(d -> matches(d, folded));
        }
        List<Document> all = catalog.all(k).stream().filter(filter).toList();
        List<Document> page = all.stream().skip(skip).limit(n).toList();
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(all.size())).body(page);
    }

    @GetMapping("/api/v1/{kind:countries|cities|airports|airlines|aircraft}/{code}")
    @Operation(summary = "One reference document by its code")
    public Document one(@PathVariable String kind, @PathVariable String code) {
        ReferenceKind k = ReferenceKind.byCollection(kind).orElseThrow(() -> new NotFoundException("unknown list " + kind));
        return catalog.find(k, code).orElseThrow(() -> new NotFoundException("no " + kind + " with code '"
                + ApiParams.abbreviate(code) + "'"));
    }

    private String known(String field, String value, ReferenceKind kind) {
        String code = value.trim().toUpperCase(Locale.ROOT);
        if (catalog.find(kind, code).isEmpty()) {
            throw new BadRequestException(field, "unknown " + field + " code '" + ApiParams.abbreviate(value) + "'");
        }
        return code;
    }

    private static boolean matches(Document d, String q) {
        if (d.getString("_id").toLowerCase(Locale.ROOT).startsWith(q)) {
            return true;
        }
        for (String field : List.of("name", "airport_name", "airline_name", "aircraft_name")) {
            String v = d.getString(field);
            if (v != null && PlaceSearch.wordStarts(PlaceSearch.fold(v), q)) {
                return true;
            }
        }
        return d.get("names") instanceof Map<?, ?> names
                && names.values().stream().anyMatch(v -> PlaceSearch.wordStarts(PlaceSearch.fold(String.valueOf(v)), q));
    }
}
