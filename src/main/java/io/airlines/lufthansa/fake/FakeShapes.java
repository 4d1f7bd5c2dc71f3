package io.airlines.lufthansa.fake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.airlines.reference.ReferenceKind;
import org.bson.Document;

/** Store documents turned back into the Lufthansa API's JSON shapes, quirks included. */
final class FakeShapes {

    private FakeShapes() {
    }

    /** The API's habit: a list of one is the element itself. */
    static Object oneAsObject(List<?> items) {
        return items.size() == 1 ? items.get(0) : items;
    }

    /** Codes made only of digits come as numbers ({@code AircraftCode: 320}). */
    static Object code(String code) {
        return code != null && code.matches("[1-9][0-9]{0,8}") ? (Object) Long.parseLong(code) : code;
    }

    static Map<String, Object> names(Document doc) {
        List<Object> names = new ArrayList<>();
        Object stored = doc.get("names");
        if (stored instanceof Map<?, ?> map) {
            map.forEach((lang, text) -> names.add(Map.of("@LanguageCode", String.valueOf(lang).toLowerCase(), "$", text)));
        }
        // Give the multi-language shape to some items: a second language.
        if (names.size() == 1 && doc.getString("_id").hashCode() % 2 == 0) {
            names.add(Map.of("@LanguageCode", "de", "$", ((Map<?, ?>) names.get(0)).get("$")));
        }
        return Map.of("Name", oneAsObject(names));
    }

    static Map<String, Object> item(ReferenceKind kind, Document d) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (kind) {
            case COUNTRIES -> {
                m.put("CountryCode", d.getString("country_code"));
                m.put("Names", names(d));
            }
            case CITIES -> {
                m.put("CityCode", d.getString("city_code"));
                m.put("CountryCode", d.getString("country_code"));
                m.put("Names", names(d));
                if (d.get("utc_offset") != null) {
                    m.put("UtcOffset", d.get("utc_offset"));
                }
                if (d.getString("time_zone_id") != null) {
                    m.put("TimeZoneId", d.getString("time_zone_id"));
                }
                m.put("Airports", Map.of("AirportCode", oneAsObject(d.getList("airports", String.class, List.of()))));
            }
            case AIRPORTS -> {
                m.put("AirportCode", d.getString("airport_code"));
                Document p = d.get("position", Document.class);
                // Some airports have no position on the real API.
                if (p != null && d.getString("_id").hashCode() % 17 != 0) {
                    m.put("Position", Map.of("Coordinate", Map.of("Latitude", p.get("Latitude"), "Longitude", p.get("Longitude"))));
                }
                m.put("CityCode", d.getString("city_code"));
                m.put("CountryCode", d.getString("country_code"));
                m.put("LocationType", "Airport");
                m.put("Names", names(d));
                if (d.get("utc_offset") != null) {
                    m.put("UtcOffset", d.get("utc_offset"));
                }
                if (d.getString("time_zone_id") != null) {
                    m.put("TimeZoneId", d.getString("time_zone_id"));
                }
            }
            case AIRLINES -> {
                m.put("AirlineID", d.getString("airline_id"));
                m.put("AirlineID_ICAO", d.getString("airline_id_icao"));
                m.put("Names", names(d));
            }
            case AIRCRAFT -> {
                m.put("AircraftCode", code(d.getString("aircraft_code")));
                m.put("Names", names(d));
                m.put("AirlineEquipCode", d.getString("airline_equip_code"));
            }
        }
        return m;
    }

    /** One direct journey a day, plus for some pairs a connection through FRA (two legs). */
    static List<Object> schedules(String origin, String destination, LocalDate date) {
        int h = Math.abs((origin + destination).hashCode());
        List<Object> journeys = new ArrayList<>();
        int depHour = 6 + h % 14;
        journeys.add(journey(date, List.of(leg(origin, destination, date, depHour, 0, 2, 10, 400 + h % 500, "LH", h))));
        if (h % 2 == 0 && !origin.equals("FRA") && !destination.equals("FRA")) {
            journeys.add(journey(date, List.of(
                    leg(origin, "FRA", date, depHour + 1, 15, 1, 30, 1000 + h % 800, "LH", h + 1),
                    leg("FRA", destination, date, depHour + 3, 30, 2, 0, 2000 + h % 900, "LH", h + 2))));
        }
        return journeys;
    }

    private static Map<String, Object> journey(LocalDate date, List<Map<String, Object>> legs) {
        Map<String, Object> j = new LinkedHashMap<>();
        int minutes = legs.size() == 1 ? 130 : 315;
        j.put("TotalJourney", Map.of("Duration", "PT" + minutes / 60 + "H" + minutes % 60 + "M"));
        j.put("Flight", oneAsObject(legs));
        return j;
    }

    private static Map<String, Object> leg(String from, String to, LocalDate date, int hour, int minute, int hours,
                                           int minutes, int number, String carrier, int h) {
        String dep = date.atTime(Math.min(hour, 23), minute).toString();
        String arr = date.atTime(Math.min(hour, 23), minute).plusHours(hours).plusMinutes(minutes).toString();
        Map<String, Object> leg = new LinkedHashMap<>();
        leg.put("Departure", Map.of("AirportCode", from, "ScheduledTimeLocal", Map.of("DateTime", dep),
                "Terminal", Map.of("Name", 1)));
        leg.put("Arrival", Map.of("AirportCode", to, "ScheduledTimeLocal", Map.of("DateTime", arr)));
        leg.put("MarketingCarrier", Map.of("AirlineID", carrier, "FlightNumber", number));
        leg.put("OperatingCarrier", Map.of("AirlineID", carrier));
        leg.put("Equipment", Map.of("AircraftCode", List.of(320, 321, 744, 359).get(Math.abs(h) % 4)));
        leg.put("Details", Map.of("Stops", Map.of("StopQuantity", 0), "DaysOfOperation", 1234567,
                "DatePeriod", Map.of("Effective", date.toString(), "Expiration", date.toString())));
        return leg;
    }
}
