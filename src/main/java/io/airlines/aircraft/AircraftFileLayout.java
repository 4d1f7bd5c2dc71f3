package io.airlines.aircraft;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * How a row of an aircraft database file maps to an address and an {@link AircraftRecord}. Two
 * layouts are read: the OpenSky aircraft database (a header naming the columns, fields quoted with
 * {@code "} or, in the dated snapshots, {@code '}) and tar1090-db's {@code aircraft.csv} (no header,
 * {@code icao;registration;typecode;flags;description;year;owner-operator;}).
 */
abstract class AircraftFileLayout {

    abstract char separator();

    abstract char quote();

    abstract OptionalInt address(CsvRecords.Fields row);

    abstract AircraftRecord aircraft(CsvRecords.Fields row);

    /** The layout of a file from its first line; the OpenSky header is that file's first record. */
    static AircraftFileLayout of(String firstLine) {
        String header = firstLine.strip();
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        char first = header.isEmpty() ? ' ' : header.charAt(0);
        String bare = header.replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        if (bare.startsWith("icao24,")) {
            char quote = first == '\'' ? '\'' : '"';
            CsvRecords.Parsed names = CsvRecords.split(header, ',', quote);
            return new OpenSky(names.fields() == null ? List.of() : names.fields(), quote);
        }
        return new Tar1090();
    }

    /** Whether the file's first line is a header to skip rather than a row. */
    abstract boolean hasHeader();

    static final class OpenSky extends AircraftFileLayout {

        private final char quote;
        private final int icao24;
        private final int registration;
        private final int typecode;
        private final int manufacturer;
        private final int model;
        private final int operator;
        private final int owner;

        OpenSky(List<String> header, char quote) {
            this.quote = quote;
            List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            this.icao24 = names.indexOf("icao24");
            this.registration = names.indexOf("registration");
            this.typecode = names.indexOf("typecode");
            this.manufacturer = names.indexOf("manufacturername");
            this.model = names.indexOf("model");
            this.operator = names.indexOf("operator");
            this.owner = names.indexOf("owner");
        }

        @Override
        char separator() {
            return ',';
        }

        @Override
        char quote() {
            return quote;
        }

        @Override
        boolean hasHeader() {
            return true;
        }

        @Override
        OptionalInt address(CsvRecords.Fields row) {
            return IcaoAddresses.parse(row.get(icao24));
        }

        @Override
        AircraftRecord aircraft(CsvRecords.Fields row) {
            String flownBy = row.get(operator);
            return new AircraftRecord(row.get(registration), upper(row.get(typecode)),
                    joined(row.get(manufacturer), row.get(model)), flownBy != null ? flownBy : row.get(owner));
        }

        /** "Airbus" and "A320 214" read as "Airbus A320 214", but a model naming its maker is kept as is. */
        private static String joined(String maker, String model) {
            if (model == null || maker == null) {
                return model != null ? model : maker;
            }
            return model.toLowerCase(Locale.ROOT).startsWith(maker.toLowerCase(Locale.ROOT)) ? model : maker + " " + model;
        }
    }

    static final class Tar1090 extends AircraftFileLayout {

        @Override
        char separator() {
            return ';';
        }

        @Override
        char quote() {
            return CsvRecords.NO_QUOTE;
        }

        @Override
        boolean hasHeader() {
            return false;
        }

        @Override
        OptionalInt address(CsvRecords.Fields row) {
            return IcaoAddresses.parse(row.get(0));
        }

        @Override
        AircraftRecord aircraft(CsvRecords.Fields row) {
            return new AircraftRecord(row.get(1), upper(row.get(2)), row.get(4), row.get(6));
        }
    }

    static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
