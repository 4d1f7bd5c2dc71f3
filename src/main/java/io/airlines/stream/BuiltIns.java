package io.airlines.stream;

import java.util.List;

import io.airlines.stream.ReferenceData.Airline;
import io.airlines.stream.ReferenceData.Airport;

/** A small world used when the store holds no reference data yet, so the simulator still flies. */
final class BuiltIns {

    private BuiltIns() {
    }

    static final List<Airline> AIRLINES = List.of(
            new Airline("LH", "DLH", "Lufthansa"), new Airline("AF", "AFR", "Air France"),
            new Airline("BA", "BAW", "British Airways"), new Airline("KL", "KLM", "KLM Royal Dutch Airlines"),
            new Airline("IB", "IBE", "Iberia"), new Airline("UA", "UAL", "United Airlines"),
            new Airline("DL", "DAL", "Delta Air Lines"), new Airline("AA", "AAL", "American Airlines"),
            new Airline("EK", "UAE", "Emirates"), new Airline("QR", "QTR", "Qatar Airways"),
            new Airline("SQ", "SIA", "Singapore Airlines"), new Airline("FR", "RYR", "Ryanair"),
            new Airline("U2", "EZY", "easyJet"), new Airline("TK", "THY", "Turkish Airlines"),
            new Airline("NH", "ANA", "All Nippon Airways"), new Airline("CA", "CCA", "Air China"),
            new Airline("QF", "QFA", "Qantas"), new Airline("AC", "ACA", "Air Canada"),
            new Airline("LX", "SWR", "Swiss"), new Airline("OS", "AUA", "Austrian Airlines"),
            new Airline("VY", "VLG", "Vueling"), new Airline("UX", "AEA", "Air Europa"));

    static final List<Airport> AIRPORTS = List.of(
            new Airport("FRA", "Frankfurt Airport", 50.0379, 8.5622),
            new Airport("MUC", "Munich Airport", 48.3538, 11.7861),
            new Airport("BER", "Berlin Brandenburg Airport", 52.3667, 13.5033),
            new Airport("HAM", "Hamburg Airport", 53.6304, 9.9882),
            new Airport("LHR", "Heathrow Airport", 51.4700, -0.4543),
            new Airport("LGW", "Gatwick Airport", 51.1537, -0.1821),
            new Airport("CDG", "Charles de Gaulle Airport", 49.0097, 2.5479),
            new Airport("ORY", "Paris Orly Airport", 48.7262, 2.3652),
            new Airport("NCE", "Nice Cote d'Azur Airport", 43.6584, 7.2159),
            new Airport("AMS", "Amsterdam Airport Schiphol", 52.3105, 4.7683),
            new Airport("MAD", "Adolfo Suarez Madrid-Barajas Airport", 40.4983, -3.5676),
            new Airport("BCN", "Barcelona El Prat Airport", 41.2974, 2.0833),
            new Airport("BIO", "Bilbao Airport", 43.3011, -2.9106),
            new Airport("PMI", "Palma de Mallorca Airport", 39.5517, 2.7388),
            new Airport("LIS", "Lisbon Airport", 38.7742, -9.1342),
            new Airport("FCO", "Rome Fiumicino Airport", 41.8003, 12.2389),
            new Airport("MXP", "Milan Malpensa Airport", 45.6306, 8.7281),
            new Airport("ZRH", "Zurich Airport", 47.4647, 8.5492),
            new Airport("VIE", "Vienna International Airport", 48.1103, 16.5697),
            new Airport("CPH", "Copenhagen Airport", 55.6180, 12.6508),
            new Airport("ARN", "Stockholm Arlanda Airport", 59.6519, 17.9186),
            new Airport("OSL", "Oslo Gardermoen Airport", 60.1976, 11.1004),
            new Airport("HEL", "Helsinki Airport", 60.3172, 24.9633),
            new Airport("WAW", "Warsaw Chopin Airport", 52.1657, 20.9671),
            new Airport("IST", "Istanbul Airport", 41.2753, 28.7519),
            new Airport("ATH", "Athens International Airport", 37.9364, 23.9445),
            new Airport("DUB", "Dublin Airport", 53.4213, -6.2701),
            new Airport("DXB", "Dubai International Airport", 25.2532, 55.3657),
            new Airport("DOH", "Hamad International Airport", 25.2731, 51.6081),
            new Airport("JFK", "John F. Kennedy International Airport", 40.6413, -73.7781),
            new Airport("EWR", "Newark Liberty International Airport", 40.6895, -74.1745),
            new Airport("ORD", "O'Hare International Airport", 41.9742, -87.9073),
            new Airport("ATL", "Hartsfield-Jackson Atlanta International Airport", 33.6407, -84.4277),
            new Airport("LAX", "Los Angeles International Airport", 33.9416, -118.4085),
            new Airport("SFO", "San Francisco International Airport", 37.6213, -122.3790),
            new Airport("YYZ", "Toronto Pearson International Airport", 43.6777, -79.6248),
            new Airport("GRU", "Sao Paulo Guarulhos International Airport", -23.4356, -46.4731),
            new Airport("SIN", "Singapore Changi Airport", 1.3644, 103.9915),
            new Airport("HND", "Tokyo Haneda Airport", 35.5494, 139.7798),
            new Airport("PEK", "Beijing Capital International Airport", 40.0799, 116.6031),
            new Airport("SYD", "Sydney Kingsford Smith Airport", -33.9399, 151.1753),
            new Airport("JNB", "O. R. Tambo International Airport", -26.1367, 28.2411));
}
