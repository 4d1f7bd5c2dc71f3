package io.airlines.web.airport;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.airlines.web.search.SearchForm;
import io.airlines.web.site.ApiClient;
import io.airlines.web.site.ApiClient.Reply;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An airport's departures and arrivals for a day (from the timetable with each flight's live
 * status, rendered here and refreshed in place by the page) and the aircraft near it right now
 * (drawn by the page from the live API).
 */
@Controller
class AirportPageController {

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");

    private final ApiClient api;

    public AirportPageController(ApiClient api) {
        this.api = api;
    }

    /** Not {@code /airports}: that path stays the original API's JSON list of airports. */
    @GetMapping("/airports/find")
    public String find(@RequestParam(required = false) String code) {
        return code != null && CODE.matcher(code.strip()).matches()
                ? "redirect:/airports/" + code.strip().toUpperCase(Locale.ROOT) : "airport-find";
    }

    @GetMapping("/airports/{code}")
    public String airport(@PathVariable String code, @RequestParam(required = false) String date,
                          Model model, HttpServletResponse response) {
        String upper = code.toUpperCase(Locale.ROOT);
        LocalDate day = SearchForm.parseDate(date == null ? "" : date.strip()).orElse(LocalDate.now());
        model.addAttribute("code", upper);
        model.addAttribute("badDate", false);
        model.addAttribute("date", day.toString());
        if (!CODE.matcher(code).matches()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "airport";
        }
        Reply<Board> board = api.get("/api/v1/airports/" + upper + "/board", ApiClient.params("date", day.toString()), Board.class);
        if (!board.ok()) {
            boolean badDate = board.status() == HttpServletResponse.SC_BAD_REQUEST && "date".equals(board.field());
            model.addAttribute("badDate", badDate);
            response.setStatus(badDate ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_NOT_FOUND);
            return "airport";
        }
        Board b = board.body();
        model.addAttribute("board", b);
        model.addAttribute("utcOffset", LocalClock.utcOffset(b.timeZone(), day));
        model.addAttribute("name", text(b.airport(), "airport_name"));
        Map<?, ?> position = b.airport() == null ? null : (Map<?, ?>) b.airport().get("position");
        if (position != null) {
            model.addAttribute("lat", position.get("Latitude"));
            model.addAttribute("lon", position.get("Longitude"));
        }
        return "airport";
    }

    private static String text(Map<String, Object> doc, String field) {
        Object v = doc == null ? null : doc.get(field);
        return v == null ? null : String.valueOf(v);
    }

    /** {@code GET /api/v1/airports/{code}/board} (contract shared with the batch feature). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Board(Map<String, Object> airport, String date, String timeZone, List<BoardRow> departures,
                        List<BoardRow> arrivals) {
    }

    /**
     * A row and its live status. {@code departureUpdate} and {@code arrivalUpdate} are what a board prints next to the status,
     * local to the airport: the actual time of the row's side (departure or arrival) once known, else
     * the estimated one.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BoardRow(String flightNumber, String carrier, String carrierName, String origin, String destination,
                           String timeLocal, String aircraft, String status, String estimatedDeparture,
                           String estimatedArrival, String actualDeparture, String actualArrival,
                           Integer delayMinutes, String legId, String transponder) {
        public String time() {
            return timeLocal != null && timeLocal.length() >= 16 ? timeLocal.substring(11, 16) : timeLocal;
        }

        public String statusKey() {
            return "board.status." + (status == null ? "no_data" : status);
        }

        public String departureUpdate(String zone) {
            return LocalClock.hhmm(firstOf(actualDeparture, estimatedDeparture), zone);
        }

        public String arrivalUpdate(String zone) {
            return LocalClock.hhmm(firstOf(actualArrival, estimatedArrival), zone);
        }

        public String mapLink() {
            return transponder == null ? null : "/live?sel=" + transponder;
        }

        private static String firstOf(String a, String b) {
            return a != null ? a : b;
        }
    }
}
