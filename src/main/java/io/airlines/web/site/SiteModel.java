package io.airlines.web.site;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the shared layout needs on every page: the active section and links to this page in each language. */
@ControllerAdvice(annotations = Controller.class)
class SiteModel {

    @ModelAttribute("section")
    public String section(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/live")) {
            return "live";
        }
        if (path.startsWith("/airports")) {
            return "airports";
        }
        if (path.startsWith("/history")) {
            return "history";
        }
        if (path.startsWith("/stats")) {
            return "stats";
        }
        if (path.startsWith("/privacy")) {
            return "privacy";
        }
        return path.startsWith("/about") ? "about" : "search";
    }

    @ModelAttribute("lang")
    public String lang(Locale locale) {
        return locale.getLanguage();
    }

    @ModelAttribute("frUrl")
    public String frUrl() {
        return sameWith("fr");
    }

    @ModelAttribute("enUrl")
    public String enUrl() {
        return sameWith("en");
    }

    private static String sameWith(String lang) {
        return ServletUriComponentsBuilder.fromCurrentRequestUri()
                .query(currentQuery()).replaceQueryParam("lang", lang).build().toUriString()
                .replaceFirst("^https?://[^/]+", "");
    }

    private static String currentQuery() {
        return ServletUriComponentsBuilder.fromCurrentRequest().build().getQuery();
    }
}
