package io.airlines.aircraft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IcaoAddressesTest {

    private final IcaoAddresses addresses = IcaoAddresses.shipped();

    @ParameterizedTest
    @CsvSource({
            "A00000, US", "AFFFFF, US", "A61C2B, US",
            "3C0000, DE", "3FFFFF, DE", "3C6444, DE",
            "380000, FR", "3BFFFF, FR", "39856B, FR",
            "400000, GB", "43FFFF, GB", "4CA2D1, IE",
            "340000, ES", "300000, IT", "4B8000, TR",
            "780000, CN", "788FFF, CN", "789000, HK", "789FFF, HK", "78A000, CN",
            "7C0000, AU", "C00000, CA", "E40000, BR", "896000, AE", "06A000, QA",
            "004000, ZW", "901000, CK", "E94FFF, BO",
    })
    void knownAddressesBelongToTheirCountry(String hex, String iso) {
        assertThat(addresses.countryOf(hex)).get().extracting(Country::iso).isEqualTo(iso);
        assertThat(addresses.countryOf(Integer.parseInt(hex, 16))).get().extracting(Country::iso).isEqualTo(iso);
    }

    @Test
    void countriesHaveTheirNames() {
        assertThat(addresses.countryOf("3c6444")).get().isEqualTo(new Country("Germany", "DE"));
        assertThat(addresses.countryOf("a00001")).get().isEqualTo(new Country("United States", "US"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "003FFF", "0E0000", "B00000", "BFFFFF", "F00000", "FFFFFF", "200000"})
    void unallocatedAddressesHaveNoCountry(String hex) {
        assertThat(addresses.countryOf(hex)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3C644", "3C64444", "3C644G", "~ABCDE", "LH400"})
    void stringsThatAreNotAddressesHaveNoCountry(String key) {
        assertThat(addresses.countryOf(key)).isEmpty();
    }

    @Test
    void aCountryHasItsBlocks() {
        assertThat(addresses.blocksOf("de")).containsExactly(
                new AddressBlock(0x3C0000, 0x3FFFFF, new Country("Germany", "DE")));
        assertThat(addresses.blocksOf("XX")).isEmpty();
    }

    @Test
    void aSubBlockAllocatedToAnotherCountryIsNotHanded() {
        Country china = new Country("China", "CN");
        assertThat(addresses.blocksOf("CN")).containsExactly(
                new AddressBlock(0x780000, 0x788FFF, china), new AddressBlock(0x78A000, 0x7BFFFF, china));
        assertThat(addresses.blocksOf("HK")).extracting(AddressBlock::first).containsExactly(0x789000);
    }

    @Test
    void everyBlockOfEveryCountryMapsBackToThatCountry() {
        for (String iso : List.of("US", "DE", "FR", "GB", "CN", "HK", "JP", "BR", "MT", "ZA")) {
            for (AddressBlock block : addresses.blocksOf(iso)) {
                assertThat(addresses.countryOf(block.first())).get().extracting(Country::iso).isEqualTo(iso);
                assertThat(addresses.countryOf(block.last())).get().extracting(Country::iso).isEqualTo(iso);
            }
        }
    }

    @Test
    void aTableWithPartlyOverlappingBlocksIsRefused() {
        assertThatThrownBy(() -> IcaoAddresses.parse(List.of(
                "300000\t33FFFF\tItaly\tIT", "330000\t34FFFF\tSomewhere\tXX")))
                .hasMessageContaining("overlaps");
    }
}
