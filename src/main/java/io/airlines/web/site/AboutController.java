package io.airlines.web.site;

import io.airlines.config.KafkaConnection;
import io.airlines.config.MongoConnection;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.boot.SpringBootVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What is running and where: versions, the broker and the store this instance uses. */
@Controller
class AboutController {

    private final KafkaConnection kafka;
    private final MongoConnection mongo;

    public AboutController(KafkaConnection kafka, MongoConnection mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /** Addresses only for callers web/TrustedCallers vouches for (this machine, or the API key). */
    @GetMapping("/about")
    public String about(Model model, HttpServletRequest request) {
        model.addAttribute("version", getClass().getPackage().getImplementationVersion());
        model.addAttribute("springBootVersion", SpringBootVersion.getVersion());
        model.addAttribute("kafkaVersion", AppInfoParser.getVersion());
        model.addAttribute("javaVersion", Runtime.version().toString());
        boolean trusted = request.getUserPrincipal() != null;
        model.addAttribute("addressesShown", trusted);
        model.addAttribute("kafkaAddress", trusted ? kafka.bootstrapServers() : null);
        model.addAttribute("kafkaEmbedded", kafka.embedded());
        model.addAttribute("mongoAddress", trusted ? mongo.displayUri() : null);
        model.addAttribute("mongoEmbedded", mongo.embedded());
        model.addAttribute("database", mongo.database().getName());
        return "about";
    }
}
