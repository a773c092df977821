package dev.ilbportal.web.api;

import dev.ilbportal.identity.CurrentUser;
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

    static {
        // The signed-in person comes from the token, never from the request's parameters.
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    /** Tags and paths in a stable order, so the generated document can be compared with the checked-in one. */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer stableOrder() {
        return openApi -> {
            if (openApi.getTags() != null) {
                openApi.setTags(new java.util.ArrayList<>(openApi.getTags().stream()
                        .sorted(java.util.Comparator.comparing(io.swagger.v3.oas.models.tags.Tag::getName)).toList()));
            }
        };
    }

    @Bean
    OpenAPI portalApi() {
        return new OpenAPI()
                .info(new Info().title("ILB Portal API").version("v1")
                        .description("Internal load balancers on Civo for pipelines and platform tools: the pages' "
                                + "actions with the same rules and audit trail. Errors are Problem Details "
                                + "(RFC 9457); times are UTC ISO-8601; names are camelCase. See docs/api.md."))
                // Relative, so the document is the same on every host and port (and in docs/openapi.yaml).
                .servers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server().url("/")
                        .description("This portal")))
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
