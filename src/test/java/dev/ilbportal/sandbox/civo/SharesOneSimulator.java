package dev.ilbportal.sandbox.civo;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.TestInstance;

/**
 * For tests that share one Civo simulator, started for the test class and closed after its last test, and call its
 * API over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharesOneSimulator {

    @AutoClose
    final CivoSimulator simulator = CivoSimulator.start(SimulatorSettings.forTests());
    final ApiCalls api = new ApiCalls(simulator);
}
