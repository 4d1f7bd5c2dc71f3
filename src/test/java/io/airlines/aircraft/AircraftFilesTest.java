package io.airlines.aircraft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AircraftFilesTest {

    static final Path OPENSKY_SAMPLE = Path.of("src/test/resources/aircraft/aircraftDatabase-sample.csv");
    static final Path TAR1090_SAMPLE = Path.of("src/test/resources/aircraft/tar1090-sample.csv");

    private static AircraftRecord find(AircraftDatabase database, int address) {
        return database.find(address).orElseThrow(() -> new AssertionError("no aircraft " + IcaoAddresses.hex(address)));
    }

    private static AircraftFiles.Loaded read(String text) throws IOException {
        return AircraftFiles.read(new BufferedReader(new StringReader(text)));
    }

    @Test
    void theOpenSkyLayoutGivesRegistrationTypeModelAndOperator() throws IOException {
        AircraftFiles.Loaded loaded = AircraftFiles.load(OPENSKY_SAMPLE);
        AircraftDatabase database = loaded.database();
        assertThat(find(database, 0x3C6444)).isEqualTo(
                new AircraftRecord("D-ABYA", "B748", "Boeing 747-830", "Lufthansa"));
        assertThat(find(database, 0x789123).registration()).isEqualTo("B-HNR");
        // A model that already names its maker is not prefixed twice.
        assertThat(find(database, 0xA999D2).model()).isEqualTo("Boeing 777-323ER");
        // No operator: the owner flies it.
        assertThat(find(database, 0xABF949).operator()).isEqualTo("Southwest Airlines Co");
    }

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() throws IOException {
        AircraftDatabase database = AircraftFiles.load(OPENSKY_SAMPLE).database();
        // Its notes hold a doubled quote and a line break; the row after it is read as usual.
        assertThat(find(database, 0xAAE5F7)).isEqualTo(
                new AircraftRecord("N801DZ", "A21N", "Airbus A321-271NX", "Delta Air Lines, Inc."));
        assertThat(find(database, 0xA21633).registration()).isEqualTo("N2331U");
    }

    @Test
    void missingColumnsAreUnknownAndBadRowsAreSkippedAndCounted() throws IOException {
        AircraftFiles.Loaded loaded = AircraftFiles.load(OPENSKY_SAMPLE);
        // A row cut after its model still gives what it has.
        assertThat(find(loaded.database(), 0x3C0001)).isEqualTo(new AircraftRecord("D-AAAA", null, "Airbus A319 112", null));
        // "zz1234", "12345" and an empty address: three rows skipped, the others all read.
        assertThat(loaded.skipped()).isEqualTo(3);
        assertThat(loaded.rows()).isEqualTo(33);
        // 30 rows with an address, less a repeated one and one that names nothing.
        assertThat(loaded.database().size()).isEqualTo(28);
        assertThat(loaded.database().find(0x4D2001)).isEmpty();
    }

    @Test
    void theFirstRowOfARepeatedAddressWins() throws IOException {
        assertThat(find(AircraftFiles.load(OPENSKY_SAMPLE).database(), 0x3C6444).registration()).isEqualTo("D-ABYA");
    }

    @Test
    void theSingleQuotedSnapshotIsReadByItsColumnNames() throws IOException {
        AircraftFiles.Loaded loaded = read("""
                'icao24','timestamp','manufacturerName','model','operator','owner','registration','typecode'
                '4b1814','2025-08-01 00:00:00','Airbus','A220-300','Swiss','Swiss International Air Lines','HB-JCA','BCS3'
                '3c65a1','2025-08-01 00:00:00','Airbus','A320 271N','Lufthansa, ''the crane''','Lufthansa','D-AINA','A20N'
                """);
        assertThat(loaded.skipped()).isZero();
        assertThat(find(loaded.database(), 0x4B1814)).isEqualTo(new AircraftRecord("HB-JCA", "BCS3", "Airbus A220-300", "Swiss"));
        assertThat(find(loaded.database(), 0x3C65A1).operator()).isEqualTo("Lufthansa, 'the crane'");
    }

    @Test
    void aQuoteNeverClosedCostsItsLineOnly() throws IOException {
        AircraftFiles.Loaded loaded = read("""
                "icao24","registration","typecode"
                "3c6444","D-ABYA","B748"
                "3c65a1","D-AINA,A20N
                "4ca87c","EI-EBW","B738"
                "406a3c","G-EUYA","A320"
                """);
        assertThat(loaded.skipped()).isEqualTo(1);
        assertThat(loaded.database().size()).isEqualTo(3);
        assertThat(find(loaded.database(), 0x4CA87C).registration()).isEqualTo("EI-EBW");
        assertThat(loaded.database().find(0x3C65A1)).isEmpty();
    }

    @Test
    void theTar1090LayoutGivesRegistrationTypeDescriptionAndOwnerOperator() throws IOException {
        AircraftFiles.Loaded loaded = AircraftFiles.load(TAR1090_SAMPLE);
        assertThat(find(loaded.database(), 0x3C6444)).isEqualTo(
                new AircraftRecord("D-ABYA", "B748", "BOEING 747-8", "Lufthansa"));
        assertThat(find(loaded.database(), 0xAE0123).registration()).isEqualTo("05-5712");
        // Short rows give what they have.
        assertThat(find(loaded.database(), 0x4CA2D1)).isEqualTo(new AircraftRecord("EI-DYX", "B738", null, null));
        assertThat(find(loaded.database(), 0x3D0A5E)).isEqualTo(new AircraftRecord("D-HBLE", "EC35", "EUROCOPTER EC-135", null));
        assertThat(loaded.skipped()).isEqualTo(1);
        assertThat(loaded.database().size()).isEqualTo(19);
    }

    @Test
    void aGzippedFileIsReadAsItsContent(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("aircraft.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(TAR1090_SAMPLE));
        }
        AircraftFiles.Loaded loaded = AircraftFiles.load(gz);
        assertThat(loaded.database().size()).isEqualTo(19);
        assertThat(find(loaded.database(), 0x896180).registration()).isEqualTo("A6-EUA");
    }

    @Test
    void anEmptyFileIsAnEmptyDatabase() throws IOException {
        assertThat(read("").database().size()).isZero();
    }
}
