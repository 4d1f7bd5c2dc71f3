package io.airlines.etl;

import java.util.List;
import java.util.Map;

import io.airlines.lufthansa.LufthansaJson;
import io.airlines.reference.ReferenceKind;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import static io.airlines.lufthansa.LufthansaJson.at;
import static io.airlines.lufthansa.LufthansaJson.text;

/**
 * Lufthansa reference items → store documents with the original field names ({@code country_code},
 * {@code airport_name}, {@code position.Latitude} ...), every language of {@code names}, and
 * {@code source: "lufthansa"}. Pure functions; null when an item has no key.
 */
final class ReferenceDocuments {

    public static final String SOURCE = "lufthansa";

    private ReferenceDocuments() {
    }

    public static Document of(ReferenceKind kind, JsonNode item) {
        return switch (kind) {
            case COUNTRIES -> country(item);
            case CITIES -> city(item);
            case AIRPORTS -> airport(item);
            case AIRLINES -> airline(item);
            case AIRCRAFT -> aircraft(item);
        };
    }

    static Document country(JsonNode item) {
        String code = text(item, "CountryCode");
        if (code == null) {
            return null;
        }
        Map<String, String> names = LufthansaJson.names(item);
        return new Document("country_code", code).append("name", LufthansaJson.mainName(names).orElse(code))
                .append("names", new Document(names)).append("source", SOURCE);
    }

    static Document city(JsonNode item) {
        String code = text(item, "CityCode");
        if (code == null) {
            return null;
        }
        Map<String, String> names = LufthansaJson.names(item);
        List<String> airports = LufthansaJson.list(at(item, "Airports", "AirportCode")).stream()
                .map(LufthansaJson::text).filter(a -> a != null).toList();
        return new Document("city_code", code).append("country_code", text(item, "CountryCode"))
                .append("name", LufthansaJson.mainName(names).orElse(code)).append("names", new Document(names))
                .append("utc_offset", LufthansaJson.number(item.path("UtcOffset")))
                .append("time_zone_id", text(item, "TimeZoneId"))
                .append("airports", airports).append("source", SOURCE);
    }

    static Document airport(JsonNode item) {
        String code = text(item, "AirportCode");
        if (code == null) {
            return null;
        }
        Map<String, String> names = LufthansaJson.names(item);
        Document doc = new Document("airport_code", code)
                .append("airport_name", LufthansaJson.mainName(names).orElse(code))
                .append("names", new Document(names));
        Double lat = LufthansaJson.number(at(item, "Position", "Coordinate", "Latitude"));
        Double lon = LufthansaJson.number(at(item, "Position", "Coordinate", "Longitude"));
        if (lat != null && lon != null) {
            // Some airports come without a position: leave the field out rather than store zeros.
            doc.append("position", new Document("Latitude", lat).append("Longitude", lon));
        }
        return doc.append("city_code", text(item, "CityCode")).append("country_code", text(item, "CountryCode"))
                .append("location_type", text(item, "LocationType"))
                .append("utc_offset", LufthansaJson.number(item.path("UtcOffset")))
                .append("time_zone_id", text(item, "TimeZoneId")).append("source", SOURCE);
    }

    static Document airline(JsonNode item) {
        String code = text(item, "AirlineID");
        if (code == null) {
            return null;
        }
        Map<String, String> names = LufthansaJson.names(item);
        return new Document("airline_id", code).append("airline_id_icao", text(item, "AirlineID_ICAO"))
                .append("airline_name", LufthansaJson.mainName(names).orElse(code))
                .append("names", new Document(names)).append("source", SOURCE);
    }

    static Document aircraft(JsonNode item) {
        String code = text(item, "AircraftCode");
        if (code == null) {
            return null;
        }
        Map<String, String> names = LufthansaJson.names(item);
        return new Document("aircraft_code", code).append("aircraft_name", LufthansaJson.mainName(names).orElse(code))
                .append("airline_equip_code", text(item, "AirlineEquipCode"))
                .append("names", new Document(names)).append("source", SOURCE);
    }
}
