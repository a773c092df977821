package dev.ilbportal.web.api;

import dev.ilbportal.identity.UrlAccessRules;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document of {@code /api/v1} (springdoc, at {@code /v3/api-docs}) and its Swagger UI, both for
 * signed-in people only; the checked-in copy is docs/openapi.yaml.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI portalApi() {
        return new OpenAPI()
                .info(new Info().title("ILB Portal API").version("v1")
                        .description("Internal load balancers on Civo for pipelines and platform tools: the pages' "
                                + "actions with the same rules and audit trail. Errors are Problem Details "
                                + "(RFC 9457); times are UTC ISO-8601; names are camelCase. See docs/api.md."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the portal's OpenID Connect provider")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    UrlAccessRules apiDocumentationAccess() {
        return rules -> rules.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                "/swagger-ui.html", "/swagger-ui/**").authenticated();
    }
}
