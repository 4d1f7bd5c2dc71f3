package io.airlines.aircraft;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;

/** Reads an aircraft database file (OpenSky or tar1090-db layout, plain or gzipped) into memory. */
public final class AircraftFiles {

    /**
     * What a file gave: the database, and how many rows were skipped because they had no valid
     * address or were broken (a quote never closed).
     */
    public record Loaded(AircraftDatabase database, int rows, int skipped) {
    }

    private AircraftFiles() {
    }

    public static Loaded load(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return read(text);
        }
    }

    static Loaded read(BufferedReader text) throws IOException {
        text.mark(1 << 15);
        String firstLine = text.readLine();
        if (firstLine == null) {
            return new Loaded(AircraftDatabase.empty(), 0, 0);
        }
        AircraftFileLayout layout = AircraftFileLayout.of(firstLine);
        if (!layout.hasHeader()) {
            text.reset();
        }
        CsvRecords records = new CsvRecords(text, layout.separator(), layout.quote());
        AircraftDatabase.Builder builder = new AircraftDatabase.Builder();
        int rows = 0;
        int skipped = 0;
        for (CsvRecords.Fields row = records.next(); row != null; row = records.next()) {
            rows++;
            OptionalInt address = row.broken() ? OptionalInt.empty() : layout.address(row);
            if (address.isEmpty()) {
                skipped++;
                continue;
            }
            AircraftRecord aircraft = layout.aircraft(row);
            if (!aircraft.isEmpty()) {
                builder.add(address.getAsInt(), aircraft);
            }
        }
        return new Loaded(builder.build(), rows, skipped);
    }
}
