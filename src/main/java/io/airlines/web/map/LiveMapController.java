package io.airlines.web.map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The live map page. Everything on it is drawn in the browser from the public live API (snapshot
 * and deltas over SSE); filters and the selected aircraft live in the query string, read by the
 * page's script, so a link reproduces the view.
 */
@Controller
class LiveMapController {

    @GetMapping("/live")
    public String live() {
        return "live";
    }
}
