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
            describeProblems(openApi);
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

    /**
     * Every operation's refusals as Problem Details: 401 and 403 everywhere, 404 where a path names an object, 422
     * where input is read (parameters or a body); 409, 412 and 428 where a change is bound to a state or version.
     */
    static void describeProblems(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        io.swagger.v3.oas.models.media.Schema<?> fieldProblem = new io.swagger.v3.oas.models.media.ObjectSchema()
                .addProperty("field", new io.swagger.v3.oas.models.media.StringSchema())
                .addProperty("message", new io.swagger.v3.oas.models.media.StringSchema());
        io.swagger.v3.oas.models.media.Schema<?> problem = new io.swagger.v3.oas.models.media.ObjectSchema()
                .description("Problem Details (RFC 9457)")
                .addProperty("type", new io.swagger.v3.oas.models.media.StringSchema())
                .addProperty("title", new io.swagger.v3.oas.models.media.StringSchema())
                .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
                .addProperty("detail", new io.swagger.v3.oas.models.media.StringSchema())
                .addProperty("instance", new io.swagger.v3.oas.models.media.StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema()
                        .items(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/FieldProblem")));
        openApi.getComponents().addSchemas("FieldProblem", fieldProblem).addSchemas("Problem", problem);
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean changes = method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
            boolean readsInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            add(operation, "401", "No valid bearer token");
            add(operation, "403", "Your roles do not allow this");
            if (path.contains("{")) {
                add(operation, "404", "Not found, or not yours to see");
            }
            if (readsInput) {
                add(operation, "422", "Invalid input, by field in errors");
            }
            if (changes && path.startsWith("/api/v1/requests/{id}")) {
                add(operation, "409", "The request's state does not allow this");
                add(operation, "412", "Stale If-Match or version");
                add(operation, "428", "No If-Match or version sent");
            }
        }));
    }

    private static void add(io.swagger.v3.oas.models.Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new io.swagger.v3.oas.models.responses.ApiResponses());
        }
        operation.getResponses().putIfAbsent(status, new io.swagger.v3.oas.models.responses.ApiResponse()
                .description(description)
                .content(new io.swagger.v3.oas.models.media.Content().addMediaType("application/problem+json",
                        new io.swagger.v3.oas.models.media.MediaType().schema(
                                new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Problem")))));
    }

    @Bean
    UrlAccessRules apiDocumentationAccess() {
        return rules -> rules.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                "/swagger-ui.html", "/swagger-ui/**").authenticated();
    }
}
