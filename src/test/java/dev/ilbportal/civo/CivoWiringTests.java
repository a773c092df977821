package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class CivoWiringTests {

    private static final CivoConnection SANDBOX = new CivoConnection(URI.create("http://localhost:9"), "sandbox");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, CivoConnectionConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CivoProperties.class)
    static class Properties {
    }

    @Configuration(proxyBeanMethods = false)
    static class SandboxStandIn {

        @Bean
        CivoConnection sandboxConnection() {
            return SANDBOX;
        }
    }

    @Test
    void createsNoConnectionWhenTheKeyIsBlank() {
        runner.withPropertyValues("portal.civo.api-key=   ")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CivoConnection.class));
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CivoConnection.class));
    }

    @Test
    void buildsTheClientOnTheSandboxConnectionWhenTheKeyIsBlank() {
        runner.withUserConfiguration(SandboxStandIn.class, CivoClientConfiguration.class)
                .withPropertyValues("portal.civo.api-key=")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CivoConnection.class)
                            .hasSingleBean(CivoClient.class);
                    assertThat(context.getBean(CivoConnection.class)).isSameAs(SANDBOX);
                });
    }

    @Test
    void connectsToTheRealApiWithClientAndHealthWhenTheKeyIsSet() {
        runner.withUserConfiguration(CivoClientConfiguration.class)
                .withPropertyValues("portal.civo.api-key=sk-live-secret", "portal.civo.path-prefix=/v2/vpc")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CivoConnection.class)
                            .hasSingleBean(CivoClient.class).hasBean("civoHealthIndicator");
                    CivoConnection connection = context.getBean(CivoConnection.class);
                    assertThat(connection.baseUrl()).isEqualTo(URI.create("https://api.civo.com"));
                    assertThat(connection.apiKey()).isEqualTo("sk-live-secret");
                    assertThat(context.getBean(CivoClient.class).toString()).contains("/v2/vpc")
                            .doesNotContain("sk-live-secret");
                });
    }

    @Test
    void rejectsAnUnknownPathPrefix() {
        runner.withPropertyValues("portal.civo.api-key=k", "portal.civo.path-prefix=/v3")
                .run(context -> assertThat(context).hasFailed());
    }
}
