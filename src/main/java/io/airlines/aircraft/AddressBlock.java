package io.airlines.aircraft;

/** A contiguous run of 24-bit addresses, both ends included, whose aircraft are registered in one country. */
public record AddressBlock(int first, int last, Country country) {

    public boolean contains(int address) {
        return address >= first && address <= last;
    }

    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return IcaoAddresses.hex(first) + "-" + IcaoAddresses.hex(last) + " " + country.iso();
    }
}
