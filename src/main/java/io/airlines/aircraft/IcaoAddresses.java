package io.airlines.aircraft;

import io.airlines.reference.ShippedText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The ICAO 24-bit address allocation table: which country registered the aircraft behind an address,
 * and which addresses a country may hand out. Read once from the shipped table; immutable after.
 */
public final class IcaoAddresses {

    static final String RESOURCE = "/aircraft/icao-address-blocks.tsv";
    private static final int MAX_ADDRESS = 0xFFFFFF;
    private static final IcaoAddresses SHIPPED = parse(ShippedText.lines(RESOURCE));

    /** Start of each run of addresses with one owner (null: unallocated), up to the next start. */
    private final NavigableMap<Integer, Country> owners;

    private IcaoAddresses(NavigableMap<Integer, Country> owners) {
        this.owners = owners;
    }

    /** The table shipped in the jar. */
    public static IcaoAddresses shipped() {
        return SHIPPED;
    }

    /** The country an address is allocated to; empty for unallocated addresses. */
    public Optional<Country> countryOf(int address) {
        if (address < 0 || address > MAX_ADDRESS) {
            return Optional.empty();
        }
        return Optional.ofNullable(owners.floorEntry(address).getValue());
    }

    /** The country of a six-digit hex address (any case); empty when it is not one or is unallocated. */
    public Optional<Country> countryOf(String hexAddress) {
        OptionalInt address = parse(hexAddress);
        return address.isPresent() ? countryOf(address.getAsInt()) : Optional.empty();
    }

    /**
     * The addresses allocated to a country (ISO 3166-1 alpha-2, any case), in address order; a sub-block
     * allocated to another country (Hong Kong inside China's) is left out. Empty for an unknown code.
     */
    public List<AddressBlock> blocksOf(String iso) {
        List<AddressBlock> blocks = new ArrayList<>();
        for (Map.Entry<Integer, Country> run : owners.entrySet()) {
            Country owner = run.getValue();
            if (owner != null && owner.iso().equalsIgnoreCase(iso)) {
                Integer next = owners.higherKey(run.getKey());
                blocks.add(new AddressBlock(run.getKey(), next == null ? MAX_ADDRESS : next - 1, owner));
            }
        }
        return List.copyOf(blocks);
    }

    /** A six-digit hex address (any case, no prefix) as a number; empty for anything else. */
    public static OptionalInt parse(String hexAddress) {
        if (hexAddress == null || hexAddress.length() != 6) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < 6; i++) {
            if (Character.digit(hexAddress.charAt(i), 16) < 0) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(hexAddress, 16));
    }

    /** The canonical spelling of an address: six upper-case hex digits. */
    public static String hex(int address) {
        return String.format(Locale.ROOT, "%06X", address);
    }

    static IcaoAddresses parse(List<String> lines) {
        List<AddressBlock> blocks = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 4) {
                throw new IllegalStateException("bad address block line: " + line);
            }
            blocks.add(new AddressBlock(Integer.parseInt(cells[0], 16), Integer.parseInt(cells[1], 16),
                    new Country(cells[2], cells[3])));
        }
        // Widest first, so a sub-block allocated inside a wider one overrides its part of it.
        blocks.sort(Comparator.comparingInt(AddressBlock::size).reversed());
        NavigableMap<Integer, Country> owners = new TreeMap<>();
        owners.put(0, null);
        for (AddressBlock block : blocks) {
            claim(owners, block);
        }
        return new IcaoAddresses(owners);
    }

    private static void claim(NavigableMap<Integer, Country> owners, AddressBlock block) {
        Country after = owners.floorEntry(block.last()).getValue();
        Country before = owners.floorEntry(block.first()).getValue();
        boolean disjointOrNested = owners.subMap(block.first(), false, block.last(), true).isEmpty();
        if (!disjointOrNested) {
            throw new IllegalStateException("address block overlaps another partly: " + block);
        }
        if (before != after) {
            throw new IllegalStateException("address block overlaps another partly: " + block);
        }
        owners.put(block.first(), block.country());
        if (block.last() < MAX_ADDRESS) {
            owners.putIfAbsent(block.last() + 1, after);
        }
    }
}
