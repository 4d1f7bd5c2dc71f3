package io.airlines.flight;

import java.time.Instant;

import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.FlightLeg.RouteSource;
import io.airlines.stream.Geo;
import io.airlines.stream.Position;
import io.airlines.stream.ReferenceData;

/**
 * The open leg of one transponder as its positions arrive. Origin and destination are worked out
 * again with each point from what is known best: where it took off and landed (observed), else the
 * timetable's leg of its flight number (only when it agrees with an observed origin), else the
 * route the position records carried.
 */
final class LegDraft {

    private final String transponder;
    private final long firstSeen;
    private long lastSeen;
    private String registration;
    private String aircraftType;
    private String country;
    private String callsign;
    private String flightNumber;
    private String airline;
    private String airlineName;
    private String observedOrigin;
    private String observedDestination;
    private String recordOrigin;
    private String recordDestination;
    private Long offBlock;
    private Long takeoff;
    private Long landing;
    private Long onBlock;
    private LegStatus status;
    private Double maxAltitude;
    private double distanceKm;
    private int points;
    private ReferenceData.Scheduled scheduled;

    private LegDraft(String transponder, long firstSeen, LegStatus status) {
        this.transponder = transponder;
        this.firstSeen = firstSeen;
        this.lastSeen = firstSeen;
        this.status = status;
    }

    /** A leg starting with a position: taxiing out (its off-block) or first seen in the air. */
    static LegDraft startingAt(Position p, LegStatus status) {
        LegDraft leg = new LegDraft(p.key(), p.time(), status);
        if (status == LegStatus.TAXI_OUT) {
            leg.offBlock = p.time();
        }
        return leg;
    }

    /** An open leg read back from the store, to be continued. */
    static LegDraft resumed(FlightLeg l) {
        LegDraft leg = new LegDraft(l.transponder(), l.firstSeen().toEpochMilli(), l.status());
        leg.lastSeen = l.lastSeen().toEpochMilli();
        leg.registration = l.registration();
        leg.aircraftType = l.aircraftType();
        leg.country = l.country();
        leg.callsign = l.callsign();
        leg.flightNumber = l.flightNumber();
        leg.airline = l.airline();
        leg.airlineName = l.airlineName();
        leg.offBlock = millis(l.offBlock());
        leg.takeoff = millis(l.takeoff());
        leg.landing = millis(l.landing());
        leg.onBlock = millis(l.onBlock());
        if (l.routeSource() == RouteSource.OBSERVED) {
            leg.observedOrigin = l.takeoff() == null ? null : l.origin();
            leg.observedDestination = l.landing() == null ? null : l.destination();
        }
        if (l.routeSource() == RouteSource.RECORD) {
            leg.recordOrigin = l.origin();
            leg.recordDestination = l.destination();
        }
        // Until its next point brings the timetable again, the leg keeps the scheduled times it had.
        if (l.scheduledDeparture() != null && l.scheduledArrival() != null) {
            leg.scheduled = new ReferenceData.Scheduled(l.flightNumber(), l.airline(), l.origin(), l.destination(),
                    l.scheduledDeparture().toEpochMilli(), l.scheduledArrival().toEpochMilli());
        }
        leg.maxAltitude = l.maxAltitude();
        leg.distanceKm = l.distanceKm();
        leg.points = l.points();
        return leg;
    }

    /** One more point; {@code before} is the previous point of the transponder, in this leg or not. */
    void add(Position p, Position before, ReferenceData ref) {
        if (before != null && before.time() >= firstSeen && points > 0) {
            distanceKm += Geo.distanceKm(before.lat(), before.lon(), p.lat(), p.lon());
        }
        points++;
        lastSeen = p.time();
        if (p.altitude() != null && (maxAltitude == null || p.altitude() > maxAltitude)) {
            maxAltitude = p.altitude();
        }
        registration = latest(p.registration(), registration);
        aircraftType = latest(p.aircraftType(), aircraftType);
        country = latest(p.country(), country);
        callsign = callsign == null ? p.callsign() : callsign;
        flightNumber = latest(p.flightNumber(), flightNumber);
        airline = latest(p.airline(), airline);
        airlineName = latest(p.airlineName(), airlineName);
        recordOrigin = latest(p.origin(), recordOrigin);
        recordDestination = latest(p.destination(), recordDestination);
        scheduled = schedule(ref);
    }

    /** Left the ground at {@code p}; {@code ground} is the last point on it, on the airport it left. */
    void tookOff(Position p, Position ground, ReferenceData ref) {
        status = LegStatus.AIRBORNE;
        takeoff = p.time();
        Position at = ground != null ? ground : p;
        observedOrigin = code(ref.airportAt(at.lat(), at.lon()));
    }

    void landed(Position p, ReferenceData ref) {
        status = LegStatus.LANDED;
        landing = p.time();
        observedDestination = code(ref.airportAt(p.lat(), p.lon()));
    }

    /** The leg ends: at the gate ({@code ARRIVED}, at {@code onBlockTime}) after a landing, else lost. */
    void end(long onBlockTime) {
        if (status == LegStatus.LANDED) {
            status = LegStatus.ARRIVED;
            onBlock = onBlockTime;
        } else {
            status = LegStatus.LOST;
        }
    }

    LegStatus status() {
        return status;
    }

    String callsign() {
        return callsign;
    }

    long lastSeen() {
        return lastSeen;
    }

    private ReferenceData.Scheduled schedule(ReferenceData ref) {
        ReferenceData.Scheduled s = ref.scheduled(flightNumber, takeoff != null ? takeoff : firstSeen);
        return s == null || observedOrigin != null && !observedOrigin.equals(s.origin()) ? null : s;
    }

    FlightLeg toLeg() {
        String origin = observedOrigin != null ? observedOrigin : scheduled != null ? scheduled.origin() : recordOrigin;
        String destination = observedDestination != null ? observedDestination
                : scheduled != null ? scheduled.destination() : recordDestination;
        RouteSource source = observedOrigin != null || observedDestination != null ? RouteSource.OBSERVED
                : scheduled != null ? RouteSource.TIMETABLE
                : origin != null || destination != null ? RouteSource.RECORD : RouteSource.UNKNOWN;
        Instant firstSeenAt = Instant.ofEpochMilli(firstSeen);
        return new FlightLeg(FlightLeg.idOf(firstSeenAt, transponder), transponder, registration, aircraftType, country,
                callsign, flightNumber, airline, airlineName, origin, destination, source,
                scheduled == null ? null : Instant.ofEpochMilli(scheduled.departure()),
                scheduled == null ? null : Instant.ofEpochMilli(scheduled.arrival()),
                instant(offBlock), instant(takeoff), instant(landing), instant(onBlock), firstSeenAt,
                Instant.ofEpochMilli(lastSeen), delayMinutes(), status, maxAltitude, distanceKm,
                points);
    }

    /**
     * The departure delay against the timetable: from the off-block time when it was seen (the
     * timetable's departure is the gate's), else from the takeoff.
     */
    private Integer delayMinutes() {
        Long departed = offBlock != null ? offBlock : takeoff;
        return scheduled == null || departed == null ? null
                : (int) Math.round((departed - scheduled.departure()) / 60_000.0);
    }

    /** What a point says, or what the leg knew when it says nothing. */
    private static <T> T latest(T said, T known) {
        return said != null ? said : known;
    }

    private static String code(ReferenceData.Airport a) {
        return a == null ? null : a.code();
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
