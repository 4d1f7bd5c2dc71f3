package io.airlines.aircraft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AircraftIdentitiesTest {

    private final AircraftIdentities identities = new AircraftIdentities(new AircraftDatabase.Builder()
            .add(0x3C6444, new AircraftRecord("D-ABYA", "B748", "Boeing 747-830", "Lufthansa"))
            // The database may know better than the rule (a re-registered aircraft keeps its address).
            .add(0xA061D9, new AircraftRecord("N12345X", null, null, null))
            .build(), IcaoAddresses.shipped());

    @Test
    void theDatabaseGivesRegistrationAndTypeAndTheAddressTheCountry() {
        assertThat(identities.identify("3c6444", null, null)).isEqualTo(new AircraftIdentity("D-ABYA", "B748", "DE"));
        assertThat(identities.identify("A061D9", null, null)).isEqualTo(new AircraftIdentity("N12345X", null, "US"));
    }

    @Test
    void withoutTheDatabaseTheRegistryRulesGiveTheRegistration() {
        assertThat(identities.identify("abcdef", null, null)).isEqualTo(new AircraftIdentity("N86QU", null, "US"));
        assertThat(identities.identify("c07bed", null, null)).isEqualTo(new AircraftIdentity("C-GUYE", null, "CA"));
        assertThat(identities.identify("4ca87c", null, null)).isEqualTo(new AircraftIdentity(null, null, "IE"));
    }

    @Test
    void aRecordsOwnValuesComeFirstButTheCountryIsAlwaysTheAddresses() {
        assertThat(identities.identify("3c6444", "D-ABYB", "B744")).isEqualTo(new AircraftIdentity("D-ABYB", "B744", "DE"));
        assertThat(identities.identify("3c6444", null, "B744")).isEqualTo(new AircraftIdentity("D-ABYA", "B744", "DE"));
    }

    @Test
    void aKeyThatIsNotAnAddressGetsNothingAdded() {
        assertThat(identities.identify("LH400-20261201", null, null)).isEqualTo(new AircraftIdentity(null, null, null));
        assertThat(identities.identify("~3c6444", "D-ABYA", null)).isEqualTo(new AircraftIdentity("D-ABYA", null, null));
    }

    @Test
    void factsNameTheSourceOfEachPart() {
        AircraftFacts known = identities.facts(0x3C6444);
        assertThat(known.address()).isEqualTo("3C6444");
        assertThat(known.country()).isEqualTo(new AircraftFacts.CountryFact("DE", "Germany", "address"));
        assertThat(known.registration()).isEqualTo(new AircraftFacts.Fact("D-ABYA", "database"));
        assertThat(known.aircraftType()).isEqualTo(new AircraftFacts.Fact("B748", "database"));
        assertThat(known.operator()).isEqualTo(new AircraftFacts.Fact("Lufthansa", "database"));
        AircraftFacts derived = identities.facts(0xABCDEF);
        assertThat(derived.registration()).isEqualTo(new AircraftFacts.Fact("N86QU", "algorithm"));
        assertThat(derived.aircraftType()).isNull();
        assertThat(identities.facts(0xF00000).country()).isNull();
    }
}
