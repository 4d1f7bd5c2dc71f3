package io.airlines.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.airlines.aircraft.AddressBlock;
import io.airlines.aircraft.Country;
import io.airlines.aircraft.IcaoAddresses;
import io.airlines.aircraft.NNumbers;

/**
 * Hands out aircraft identities as a country's registry would: a transponder address from the
 * country's ICAO block, and a registration in its format ({@link RegistrationFormats}); in the
 * United States the N-number the address converts to. Never the same address or registration
 * twice. Deterministic for a seed and order of requests.
 */
final class IdentityAllocator {

    static final String UNITED_STATES = "US";
    /** Prime strides spread consecutive aircraft over a block and visit every slot before repeating. */
    private static final long ADDRESS_STRIDE = 1_000_003L;
    private static final long REGISTRATION_STRIDE = 7_919L;

    private final IcaoAddresses addresses = IcaoAddresses.shipped();
    private final RegistrationFormats formats = RegistrationFormats.shipped();
    private final long seed;
    private final Map<String, Long> issued = new HashMap<>();
    private final Set<Integer> usedAddresses = new HashSet<>();
    private final Set<String> usedRegistrations = new HashSet<>();

    IdentityAllocator(long seed) {
        this.seed = seed;
    }

    /** Never hands out the address or registration of an aircraft already flying. */
    void reserve(AircraftIdentity identity) {
        usedAddresses.add(Integer.parseInt(identity.address(), 16));
        usedRegistrations.add(identity.registration());
    }

    /**
     * A new identity registered in {@code iso}; in the United States (leased, as airlines do) for a
     * country without a format or whose registrations ran out.
     */
    AircraftIdentity next(String iso, String type) {
        String country = formats.of(iso).isPresent() && !addresses.blocksOf(iso).isEmpty() ? iso : UNITED_STATES;
        List<AddressBlock> blocks = addresses.blocksOf(country);
        long size = blocks.stream().mapToLong(AddressBlock::size).sum();
        long offset = Math.floorMod(seed * 0x9E3779B97F4A7C15L + country.hashCode(), size);
        long limit = UNITED_STATES.equals(country) ? size : Math.min(size, formats.of(country).orElseThrow().capacity());
        for (long attempt = 0; attempt < limit; attempt++) {
            long n = issued.merge(country, 1L, Long::sum) - 1;
            if (n >= limit) {
                break;
            }
            int address = addressAt(blocks, Math.floorMod(offset + n * ADDRESS_STRIDE, size));
            Optional<String> registration = registration(country, address, n);
            if (registration.isPresent() && !usedAddresses.contains(address)
                    && !usedRegistrations.contains(registration.get())) {
                usedAddresses.add(address);
                usedRegistrations.add(registration.get());
                String name = addresses.countryOf(address).map(Country::name).orElse(country);
                return new AircraftIdentity(String.format(Locale.ROOT, "%06x", address), registration.get(), type, name);
            }
        }
        if (!UNITED_STATES.equals(country)) {
            return next(UNITED_STATES, type);
        }
        throw new IllegalStateException("no address left for aircraft registered in the United States");
    }

    private Optional<String> registration(String country, int address, long n) {
        if (UNITED_STATES.equals(country)) {
            return NNumbers.registrationOf(address);
        }
        RegistrationFormats.Format format = formats.of(country).orElseThrow();
        long capacity = format.capacity();
        long offset = Math.floorMod(seed * 0xC2B2AE3D27D4EB4FL + country.hashCode(), capacity);
        return Optional.of(format.registration(Math.floorMod(offset + n * REGISTRATION_STRIDE, capacity)));
    }

    private static int addressAt(List<AddressBlock> blocks, long slot) {
        long rest = slot;
        for (AddressBlock b : blocks) {
            if (rest < b.size()) {
                return (int) (b.first() + rest);
            }
            rest -= b.size();
        }
        throw new IllegalArgumentException("slot beyond the blocks: " + slot);
    }
}
