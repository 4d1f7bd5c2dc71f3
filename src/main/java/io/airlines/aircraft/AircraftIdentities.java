package io.airlines.aircraft;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Aircraft identity from everything known of an address: a record's own values first, then the
 * aircraft database, then the registries' rules (N-numbers, Canadian marks); the country always
 * from the address allocation. Pure and thread-safe.
 */
public final class AircraftIdentities {

    private final AircraftDatabase database;
    private final IcaoAddresses addresses;

    public AircraftIdentities(AircraftDatabase database, IcaoAddresses addresses) {
        this.database = database;
        this.addresses = addresses;
    }

    /** From the address rules alone, with no database. */
    public static AircraftIdentities withoutDatabase() {
        return new AircraftIdentities(AircraftDatabase.empty(), IcaoAddresses.shipped());
    }

    /**
     * The identity of the aircraft behind a position's key, keeping what the record itself carries.
     * A key that is not a 24-bit address (a flight id) adds nothing.
     */
    public AircraftIdentity identify(String key, String ownRegistration, String ownType) {
        OptionalInt parsed = IcaoAddresses.parse(key);
        if (parsed.isEmpty()) {
            return new AircraftIdentity(ownRegistration, ownType, null);
        }
        int address = parsed.getAsInt();
        AircraftRecord known = database.find(address).orElse(null);
        String registration = ownRegistration;
        if (registration == null && known != null) {
            registration = known.registration();
        }
        if (registration == null) {
            registration = AlgorithmicRegistrations.registrationOf(address).orElse(null);
        }
        String type = ownType != null ? ownType : known == null ? null : known.typeCode();
        return new AircraftIdentity(registration, type, addresses.countryOf(address).map(Country::iso).orElse(null));
    }

    /** Everything known of one address, each part with where it comes from. */
    public AircraftFacts facts(int address) {
        Optional<AircraftRecord> known = database.find(address);
        AircraftFacts.Fact registration = known.map(AircraftRecord::registration)
                .map(r -> new AircraftFacts.Fact(r, AircraftFacts.DATABASE))
                .orElseGet(() -> AlgorithmicRegistrations.registrationOf(address)
                        .map(r -> new AircraftFacts.Fact(r, AircraftFacts.ALGORITHM)).orElse(null));
        return new AircraftFacts(IcaoAddresses.hex(address),
                addresses.countryOf(address).map(AircraftFacts.CountryFact::new).orElse(null),
                registration,
                fromDatabase(known.map(AircraftRecord::typeCode)),
                fromDatabase(known.map(AircraftRecord::model)),
                fromDatabase(known.map(AircraftRecord::operator)));
    }

    public int databaseSize() {
        return database.size();
    }

    private static AircraftFacts.Fact fromDatabase(Optional<String> value) {
        return value.map(v -> new AircraftFacts.Fact(v, AircraftFacts.DATABASE)).orElse(null);
    }
}
