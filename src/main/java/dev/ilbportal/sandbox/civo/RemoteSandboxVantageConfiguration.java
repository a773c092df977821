package dev.ilbportal.sandbox.civo;

import dev.ilbportal.civo.CivoConnection;
import dev.ilbportal.verification.Side;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code portal.sandbox.remote-vantages=true} a portal whose Civo is a standalone sandbox
 * ({@code --civo-sandbox}) probes from that sandbox's inside and outside vantage points over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "portal.sandbox", name = "remote-vantages", havingValue = "true")
class RemoteSandboxVantageConfiguration {

    @Bean
    RemoteSandboxVantage remoteSandboxInsideVantage(CivoConnection civo) {
        return new RemoteSandboxVantage(civo, Side.INSIDE);
    }

    @Bean
    RemoteSandboxVantage remoteSandboxOutsideVantage(CivoConnection civo) {
        return new RemoteSandboxVantage(civo, Side.OUTSIDE);
    }
}
