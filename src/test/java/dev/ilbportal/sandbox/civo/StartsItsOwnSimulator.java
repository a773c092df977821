package dev.ilbportal.sandbox.civo;

import org.junit.jupiter.api.AutoClose;

/**
 * For tests where each test starts its own Civo simulator, with the settings it needs, and calls its API over HTTP;
 * JUnit closes the simulator after the test.
 */
abstract class StartsItsOwnSimulator {

    @AutoClose
    CivoSimulator simulator;
    ApiCalls api;

    void start(SimulatorSettings settings) {
        simulator = CivoSimulator.start(settings);
        api = new ApiCalls(simulator);
    }

    void start() {
        start(SimulatorSettings.forTests());
    }
}
