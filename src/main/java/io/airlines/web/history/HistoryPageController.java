package io.airlines.web.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.airlines.store.StoreSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The flight history page: the legs of a UTC day, filtered, and one leg's track and profile. The
 * page draws them from the public history API; this only fills the form from the query string
 * (so a link restores the view before any script runs) and bounds the day to what the store keeps.
 */
@Controller
class HistoryPageController {

    private final Duration retention;

    HistoryPageController(StoreSettings store) {
        this.retention = store.retention();
    }

    @GetMapping("/history")
    String history(@RequestParam(required = false) String date, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String airport, @RequestParam(required = false) String airline,
                   @RequestParam(required = false) String leg, Model model) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(retainedDays());
        model.addAttribute("date", dayWithin(date, first, today).toString());
        model.addAttribute("firstDate", first.toString());
        model.addAttribute("lastDate", today.toString());
        model.addAttribute("q", q);
        model.addAttribute("airport", airport);
        model.addAttribute("airline", airline);
        model.addAttribute("leg", leg);
        return "history";
    }

    /** Whole days back that may still hold legs: a leg is purged once its first point is older than the retention. */
    private long retainedDays() {
        return Math.max(1, (retention.toHours() + 23) / 24);
    }

    /** The asked day when it is one the store may hold, else today. */
    static LocalDate dayWithin(String value, LocalDate first, LocalDate last) {
        if (value == null) {
            return last;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            return day.isBefore(first) || day.isAfter(last) ? last : day;
        } catch (DateTimeParseException e) {
            return last;
        }
    }
}
