package dev.ilbportal.sandbox.civo;

/** An IPv4 network in CIDR form, enough arithmetic to allocate addresses and decide whether a rule covers one. */
record Ipv4Cidr(int base, int prefix) {

    static Ipv4Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        int prefix;
        try {
            prefix = slash < 0 ? 32 : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR: " + text);
        }
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("not a CIDR: " + text);
        }
        int mask = mask(prefix);
        return new Ipv4Cidr(parseAddress(address) & mask, prefix);
    }

    static int parseAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        int value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    boolean contains(String address) {
        return (parseAddress(address) & mask(prefix)) == base;
    }

    /** The n-th address of the network, e.g. host(1) is the gateway. */
    String host(int n) {
        return format(base + n);
    }

    /** Usable host addresses: the network, broadcast and gateway addresses are not. */
    int usableHosts() {
        return prefix >= 31 ? 0 : (1 << (32 - prefix)) - 3;
    }

    boolean coversEverything() {
        return prefix == 0;
    }

    @Override
    public String toString() {
        return format(base) + "/" + prefix;
    }
}
