package io.airlines.web.site;

import io.airlines.config.KafkaConnection;
import io.airlines.config.MongoConnection;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.boot.SpringBootVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What is running and where: versions, the broker and the store this instance uses. */
@Controller
public class AboutController {

    private final KafkaConnection kafka;
    private final MongoConnection mongo;

    public AboutController(KafkaConnection kafka, MongoConnection mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    @GetMapping("/about")
    public String about(Model model) {
        model.addAttribute("version", getClass().getPackage().getImplementationVersion());
        model.addAttribute("springBootVersion", SpringBootVersion.getVersion());
        model.addAttribute("kafkaVersion", AppInfoParser.getVersion());
        model.addAttribute("javaVersion", Runtime.version().toString());
        model.addAttribute("kafkaAddress", kafka.bootstrapServers());
        model.addAttribute("kafkaEmbedded", kafka.embedded());
        model.addAttribute("mongoAddress", mongo.displayUri());
        model.addAttribute("mongoEmbedded", mongo.embedded());
        model.addAttribute("database", mongo.database().getName());
        return "about";
    }
}
