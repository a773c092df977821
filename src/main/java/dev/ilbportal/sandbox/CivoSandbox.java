package dev.ilbportal.sandbox;

import dev.ilbportal.sandbox.civo.StandaloneCivoSandbox;

/**
 * The sandbox module's entry point for {@code java -jar ilb-portal.jar --civo-sandbox}: the Civo API simulator as a
 * process of its own (settings from the environment, see docs/production.md). The simulator itself stays internal to
 * the module ({@code sandbox.civo}).
 */
public final class CivoSandbox {

    private CivoSandbox() {
    }

    public static void main(String[] args) throws InterruptedException {
        StandaloneCivoSandbox.main(args);
    }
}
