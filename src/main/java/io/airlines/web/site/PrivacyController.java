package io.airlines.web.site;

import io.airlines.config.AirlinesSettings;
import io.airlines.store.StoreSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What this server stores about aircraft, for how long, and how an owner asks for removal. */
@Controller
class PrivacyController {

    private final StoreSettings store;
    private final AirlinesSettings settings;

    PrivacyController(StoreSettings store, AirlinesSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @GetMapping("/privacy")
    String privacy(Model model) {
        model.addAttribute("storeRetentionDays", Math.max(1, store.retention().toDays()));
        model.addAttribute("kafkaRetentionHours", Math.max(1, settings.kafka().retention().toHours()));
        return "privacy";
    }
}
