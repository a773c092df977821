package dev.ilbportal.sandbox.civo;

import java.util.Map;

/** A Civo region as {@code GET /v2/regions} lists it; {@code publicOctet} picks its fake public address range. */
record SimulatedRegion(String code, String name, String country, String countryName, boolean isDefault,
        Map<String, Boolean> features, int publicOctet) {
}
