package dev.ilbportal.civo;

import java.net.URI;

/**
 * Where the Civo client sends its requests and with which key: the real API in production, the sandbox's simulator
 * otherwise. Exactly one bean of this type exists.
 *
 * @param baseUrl the API's root, e.g. {@code https://api.civo.com}
 * @param apiKey  the bearer key; never logged or shown
 */
public record CivoConnection(URI baseUrl, String apiKey) {

    @Override
    public String toString() {
        return "CivoConnection[baseUrl=" + baseUrl + ", apiKey=****]";
    }
}
