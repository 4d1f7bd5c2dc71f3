package io.airlines.aircraft;

import java.util.Arrays;
import java.util.Optional;

/**
 * The aircraft known by address, held compactly: sorted addresses and, per aircraft, codes into
 * packed strings (no object per aircraft), looked up by binary search. Immutable once built.
 */
public final class AircraftDatabase {

    private static final AircraftDatabase EMPTY = new Builder().build();

    private final int[] addresses;
    private final int[] registrations;
    private final int[] types;
    private final int[] models;
    private final int[] operators;
    private final PackedStrings registrationText;
    private final StringCodes typeText;
    private final StringCodes modelText;
    private final StringCodes operatorText;

    private AircraftDatabase(int[] addresses, int[] registrations, int[] types, int[] models, int[] operators,
                             Builder from) {
        this.addresses = addresses;
        this.registrations = registrations;
        this.types = types;
        this.models = models;
        this.operators = operators;
        this.registrationText = from.registrationText.trim();
        this.typeText = from.typeText.seal();
        this.modelText = from.modelText.seal();
        this.operatorText = from.operatorText.seal();
    }

    public static AircraftDatabase empty() {
        return EMPTY;
    }

    public Optional<AircraftRecord> find(int address) {
        int i = Arrays.binarySearch(addresses, address);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(new AircraftRecord(
                registrations[i] == StringCodes.NONE ? null : registrationText.get(registrations[i]),
                typeText.value(types[i]), modelText.value(models[i]), operatorText.value(operators[i])));
    }

    public int size() {
        return addresses.length;
    }

    /** Heap held by this database's arrays, for the memory figure per aircraft. */
    public long footprintBytes() {
        return ArrayBytes.of(addresses) + ArrayBytes.of(registrations) + ArrayBytes.of(types) + ArrayBytes.of(models)
                + ArrayBytes.of(operators) + registrationText.footprintBytes() + typeText.footprintBytes()
                + modelText.footprintBytes() + operatorText.footprintBytes();
    }

    /** Collects aircraft in any order; the first record of an address wins. Not thread-safe. */
    public static final class Builder {

        private int[] addresses = new int[1024];
        private int[] registrations = new int[1024];
        private int[] types = new int[1024];
        private int[] models = new int[1024];
        private int[] operators = new int[1024];
        private int count;
        private final PackedStrings registrationText = new PackedStrings();
        private final StringCodes typeText = new StringCodes();
        private final StringCodes modelText = new StringCodes();
        private final StringCodes operatorText = new StringCodes();

        public Builder add(int address, AircraftRecord aircraft) {
            if (count == addresses.length) {
                grow();
            }
            addresses[count] = address;
            registrations[count] = aircraft.registration() == null ? StringCodes.NONE
                    : registrationText.add(aircraft.registration());
            types[count] = typeText.code(aircraft.typeCode());
            models[count] = modelText.code(aircraft.model());
            operators[count] = operatorText.code(aircraft.operator());
            count++;
            return this;
        }

        /** Aircraft added so far, repeats of an address included. */
        public int added() {
            return count;
        }

        public AircraftDatabase build() {
            // Address in the high half, arrival order in the low: one sort orders by address, first arrival first.
            long[] order = new long[count];
            for (int i = 0; i < count; i++) {
                order[i] = (long) addresses[i] << 32 | i;
            }
            Arrays.sort(order);
            int unique = 0;
            int[] sortedAddresses = new int[count];
            int[] rows = new int[count];
            for (long entry : order) {
                int address = (int) (entry >>> 32);
                if (unique == 0 || sortedAddresses[unique - 1] != address) {
                    sortedAddresses[unique] = address;
                    rows[unique++] = (int) entry;
                }
            }
            return new AircraftDatabase(Arrays.copyOf(sortedAddresses, unique), pick(registrations, rows, unique),
                    pick(types, rows, unique), pick(models, rows, unique), pick(operators, rows, unique), this);
        }

        private static int[] pick(int[] column, int[] rows, int count) {
            int[] picked = new int[count];
            for (int i = 0; i < count; i++) {
                picked[i] = column[rows[i]];
            }
            return picked;
        }

        private void grow() {
            int size = addresses.length * 2;
            addresses = Arrays.copyOf(addresses, size);
            registrations = Arrays.copyOf(registrations, size);
            types = Arrays.copyOf(types, size);
            models = Arrays.copyOf(models, size);
            operators = Arrays.copyOf(operators, size);
        }
    }
}
