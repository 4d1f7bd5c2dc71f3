package io.airlines.web.search;

/**
 * What the page tells a person when the search API refuses a query the form had accepted. The
 * API's problem names the offending field; its detail is English for programs, so the page says
 * what is wrong with that field in the person's language instead. The form has already checked
 * what it can (places given and distinct, dates well-formed and in order), so what is left for
 * each field is the one cause below.
 */
record ApiRefusal(String field, String messageKey) {

    static ApiRefusal of(String field) {
        if (field == null) {
            return new ApiRefusal("form", "search.error.api");
        }
        return switch (field) {
            case "from", "to" -> new ApiRefusal(field, "search.error.place.unknown");
            case "date" -> new ApiRefusal(field, "search.error.date.range");
            case "return" -> new ApiRefusal(field, "search.error.return.range");
            default -> new ApiRefusal("form", "search.error.api");
        };
    }
}
