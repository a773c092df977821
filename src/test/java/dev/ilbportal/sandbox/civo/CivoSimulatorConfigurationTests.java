package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoConnection;
import dev.ilbportal.sandbox.internal.SandboxNotice;
import dev.ilbportal.sandbox.SandboxProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class CivoSimulatorConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SandboxProperties.class)
    static class SandboxSettings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SandboxSettings.class, CivoSimulatorConfiguration.class)
            .withPropertyValues("portal.sandbox.civo-port=0", "portal.sandbox.civo-provisioning-delay=0s");

    @Test
    void withoutCivoKeyTheSimulatorRunsAndTheClientIsPointedAtIt() {
        int[] port = new int[1];
        runner.run(context -> {
            CivoSimulator simulator = context.getBean(CivoSimulator.class);
            port[0] = simulator.port();
            CivoConnection connection = context.getBean(CivoConnection.class);
            assertThat(connection.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + simulator.port()));
            assertThat(connection.apiKey()).isEqualTo("sandbox-key");
            assertThat(context.getBean(SandboxNotice.Part.class).name()).isEqualTo("Civo API simulator");
            assertThat(context.getBean(SandboxNotice.Part.class).location())
                    .isEqualTo(connection.baseUrl() + " (key: sandbox-key)");
            assertThat(context.getBean(SandboxNetwork.class)).isSameAs(simulator.network());
            assertThat(context.getBean(SandboxFaults.class)).isSameAs(simulator.faults());
            ApiCalls api = new ApiCalls(connection.baseUrl(), "bearer " + connection.apiKey());
            assertThat(api.get("/v2/regions").status()).isEqualTo(200);
            assertThat(api.post("/v2/loadbalancers", "{\"name\":\"now\"}").json().get("state").asString())
                    .isEqualTo("available");
        });
        assertThat(listens(port[0])).as("the simulator stops with the context").isFalse();
    }

    @Test
    void apiKeySettingIsHonoured() {
        runner.withPropertyValues("portal.sandbox.api-key=demo-key").run(context -> {
            assertThat(context.getBean(CivoConnection.class).apiKey()).isEqualTo("demo-key");
            assertThat(context.getBean(CivoSimulator.class).apiKey()).isEqualTo("demo-key");
        });
    }

    @Test
    void withACivoKeyTheSimulatorStaysOff() {
        runner.withPropertyValues("portal.civo.api-key=real-key").run(context -> {
            assertThat(context).doesNotHaveBean(CivoSimulator.class);
            assertThat(context).doesNotHaveBean(CivoConnection.class);
        });
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
