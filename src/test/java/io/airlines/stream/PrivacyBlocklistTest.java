package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyBlocklistTest {

    @Test
    void an_icao_address_blocks_that_aircraft_whatever_its_callsign_and_case() {
        PrivacyBlocklist list = PrivacyBlocklist.of("3C6444");
        assertThat(list.blocks("3c6444", null)).isTrue();
        assertThat(list.blocks(" 3C6444 ", "DLH400")).isTrue();
        assertThat(list.blocks("3c6445", "DLH400")).isFalse();
        assertThat(list.blocks(null, null)).isFalse();
    }

    @Test
    void a_position_is_blocked_by_its_address_its_callsign_or_the_flight_number_the_original_format_sends() {
        PrivacyBlocklist list = PrivacyBlocklist.of("PRIV*");
        PositionCodec codec = PositionCodec.standalone();
        Position byNumber = codec.decodeRaw(("{\"key\":\"a00002\",\"flightNumber\":\"PRIV12\",\"lat\":1,\"lon\":1,"
                + "\"time\":" + System.currentTimeMillis() + "}").getBytes(), Position.SEED).position();
        assertThat(byNumber.flightNumber()).isEqualTo("PRIV12");
        assertThat(list.blocks(byNumber)).isTrue();
        Position other = codec.decodeRaw(Canonical.json("a00003", System.currentTimeMillis(), 1, 1, 1000, "1000", "http")
                .getBytes(), Position.HTTP).position();
        assertThat(list.blocks(other)).isFalse();
    }

    @Test
    void addresses_added_while_running_block_from_then_on_and_other_lists_stay_empty() {
        PrivacyBlocklist list = PrivacyBlocklist.empty();
        assertThat(list.isEmpty()).isTrue();
        list.addAddresses(List.of("A1B2C3", "not-hex"));
        assertThat(list.blocks("a1b2c3", null)).isTrue();
        assertThat(list.blocks("not-hex", "NOT-HEX")).isFalse();
        assertThat(PrivacyBlocklist.empty().blocks("a1b2c3", null)).as("each empty list is its own").isFalse();
    }

    @Test
    void a_callsign_blocks_exactly_that_callsign() {
        PrivacyBlocklist list = PrivacyBlocklist.of("N123AB");
        assertThat(list.blocks("a00001", "n123ab")).isTrue();
        assertThat(list.blocks("a00001", "N123AB  ")).isTrue();
        assertThat(list.blocks("a00001", "N123ABC")).isFalse();
        assertThat(list.blocks("a00001", "N123A")).isFalse();
    }

    @Test
    void a_star_makes_a_callsign_prefix() {
        PrivacyBlocklist list = PrivacyBlocklist.of("N123*, gaf*");
        assertThat(list.blocks("a00001", "N123")).isTrue();
        assertThat(list.blocks("a00001", "N1234X")).isTrue();
        assertThat(list.blocks("3e0001", "GAF612")).isTrue();
        assertThat(list.blocks("a00001", "N124")).isFalse();
        assertThat(list.blocks("a00001", "XN123")).isFalse();
        assertThat(list.blocks("n12300", null)).as("a prefix is about callsigns, not addresses").isFalse();
    }

    @Test
    void a_hex_looking_entry_matches_a_callsign_too() {
        PrivacyBlocklist list = PrivacyBlocklist.of("abc123");
        assertThat(list.blocks("abc123", null)).isTrue();
        assertThat(list.blocks("400001", "ABC123")).isTrue();
    }

    @Test
    void separators_blanks_and_a_lone_star_are_tolerated() {
        PrivacyBlocklist list = PrivacyBlocklist.of(" 3c6444 ;; N1* ,\n,*, ");
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.blocks("000000", "ANYTHING")).as("a lone * must not block everyone").isFalse();
        assertThat(PrivacyBlocklist.of("").isEmpty()).isTrue();
        assertThat(PrivacyBlocklist.of((String) null).blocks("3c6444", "DLH400")).isFalse();
        assertThat(PrivacyBlocklist.empty().blocks("3c6444", "DLH400")).isFalse();
    }

    @Test
    void the_list_and_the_file_are_combined_and_comments_ignored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("blocked.txt");
        Files.writeString(file, "# owner requests\n4b1814  # Swiss private\n\nHB-*\nN999*\n");
        PrivacyBlocklist list = new PrivacySettings("3c6444", file).load();
        assertThat(list.blocks("3c6444", null)).isTrue();
        assertThat(list.blocks("4B1814", null)).isTrue();
        assertThat(list.blocks("4b1815", "HB-JNA")).isTrue();
        assertThat(list.blocks("a00001", "N9991")).isTrue();
        assertThat(list.blocks("a00001", "SWISS")).isFalse();
        assertThat(list.blocks("a00001", "OWNER")).as("comment words are not entries").isFalse();
        assertThat(list.toString()).doesNotContain("3c6444");
    }

    @Test
    void a_missing_file_fails_naming_the_setting(@TempDir Path dir) {
        assertThatThrownBy(() -> new PrivacySettings("", dir.resolve("nope.txt")).load())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("AIRLINES_PRIVACY_BLOCKLIST_FILE");
        assertThat(new PrivacySettings("", null).load().isEmpty()).isTrue();
        assertThat(new PrivacySettings("", Path.of("")).load().isEmpty()).isTrue();
    }
}
