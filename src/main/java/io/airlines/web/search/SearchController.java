package io.airlines.web.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.airlines.web.search.Journeys.Place;
import io.airlines.web.search.Journeys.SearchResult;
import io.airlines.web.site.ApiClient;
import io.airlines.web.site.ApiClient.Reply;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The flight search page. The query lives in the URL ({@code /?from=PAR&to=JFK&date=...&return=...})
 * and results are rendered on the server, so a link can be shared, reloaded, and works without
 * JavaScript; the browser only adds type-ahead and table sorting.
 */
@Controller
class SearchController {

    private final ApiClient api;
    private final MessageSource messages;

    public SearchController(ApiClient api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/")
    public String search(@RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) String date,
                         @RequestParam(name = "return", required = false) String returnDate,
                         Model model, Locale locale, HttpServletResponse response) {
        SearchForm form = new SearchForm(from, to, date, returnDate);
        model.addAttribute("form", form);
        if (form.blank()) {
            model.addAttribute("errors", Map.of());
            return "search";
        }
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        Optional<String> fromCode = errors.containsKey("from") ? Optional.empty() : resolve(form.from(), "from", errors);
        Optional<String> toCode = errors.containsKey("to") ? Optional.empty() : resolve(form.to(), "to", errors);
        if (fromCode.isPresent() && fromCode.equals(toCode)) {
            errors.put("to", "search.error.to.same");
        }
        if (errors.isEmpty() && fromCode.isPresent() && toCode.isPresent()) {
            Reply<SearchResult> reply = api.get("/api/v1/flights/search", ApiClient.params(
                    "from", fromCode.get(), "to", toCode.get(), "date", form.date(), "return", form.returnDate()),
                    SearchResult.class);
            if (reply.ok()) {
                show(reply.body(), model);
            } else {
                ApiRefusal refusal = ApiRefusal.of(reply.field());
                errors.put(refusal.field(), refusal.messageKey());
            }
        }
        model.addAttribute("errors", explain(errors, locale));
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "search";
    }

    /** Field → what to tell the person, in their language (never the API's English detail). */
    private Map<String, String> explain(Map<String, String> errors, Locale locale) {
        Map<String, String> text = new LinkedHashMap<>();
        errors.forEach((field, key) -> text.put(field, messages.getMessage(key, null, key, locale)));
        return text;
    }

    private void show(SearchResult result, Model model) {
        model.addAttribute("result", result);
        model.addAttribute("outbound", JourneyRow.of(result.outbound()));
        model.addAttribute("hasReturn", result.returnJourneys() != null);
        model.addAttribute("inbound", JourneyRow.of(result.returnJourneys()));
    }

    /** A typed code or a picked label gives the code; free text takes the best match of the place search. */
    private Optional<String> resolve(String typed, String field, Map<String, String> errors) {
        Optional<String> code = SearchForm.code(typed);
        if (code.isPresent()) {
            return code;
        }
        Reply<Place[]> places = api.get("/api/v1/places", ApiClient.params("q", typed, "limit", "1"), Place[].class);
        Optional<String> found = places.value().map(List::of).orElse(List.of()).stream().findFirst().map(Place::code);
        if (found.isEmpty()) {
            errors.put(field, "search.error.place.unknown");
        }
        return found;
    }
}
