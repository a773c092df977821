package dev.ilbportal.civo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In production (an API key is configured) the client talks to the real Civo API; otherwise the sandbox decides. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCivoApiKey
class CivoConnectionConfiguration {

    @Bean
    CivoConnection civoConnection(CivoProperties properties) {
        return new CivoConnection(properties.baseUrl(), properties.apiKey().strip());
    }
}
