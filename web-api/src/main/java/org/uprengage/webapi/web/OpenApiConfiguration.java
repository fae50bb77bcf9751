package org.uprengage.webapi.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's front matter and the two ways to authenticate. */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI uprEngageApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("UPR Engage API")
                .version("v1")
                .description(
                    "Reviews, tasks and notifications of a UN country team's Universal Periodic Review work. Errors are RFC 7807 problem+json.")
                .license(
                    new License()
                        .name("Apache-2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("Demo users (quick start only)"))
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .servers(List.of(new Server().url("/").description("This deployment")));
  }

  /**
   * Every operation documents the problems it can answer with, as RFC 7807 problem+json: bad input
   * (each field at fault in {@code errors}), sign-in required, not allowed, not found (or not
   * visible to you), conflict with the current state, a body too large or of the wrong media type,
   * too many requests, a service behind the API unavailable.
   */
  @Bean
  OpenApiCustomizer problemResponses() {
    return api -> {
      api.getComponents().addSchemas("Problem", problemSchema());
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> {
                            ApiResponses responses = operation.getResponses();
                            problem(
                                responses,
                                "400",
                                "Invalid input; errors names each field at fault and what is wrong with it");
                            problem(
                                responses,
                                "401",
                                "Sign-in required: HTTP Basic (demo users) or a bearer token");
                            problem(
                                responses,
                                "403",
                                "Not allowed for your roles, agency or country teams");
                            if (path.contains("{")) {
                              problem(responses, "404", "Not found, or not visible to you");
                            }
                            if (method != PathItem.HttpMethod.GET) {
                              problem(
                                  responses,
                                  "409",
                                  "Conflict with the current state; current shows it where useful");
                            }
                            if (operation.getRequestBody() != null) {
                              problem(
                                  responses,
                                  "413",
                                  path.endsWith("/recommendations/imports")
                                      ? "The list is larger than 5 MiB"
                                      : "The body is larger than "
                                          + RequestSizeLimitFilter.MAX_BODY_BYTES / 1024
                                          + " KiB");
                            }
                            if (operation.getRequestBody() != null) {
                              problem(
                                  responses,
                                  "415",
                                  "The body's media type is not one this operation takes");
                            }
                            problem(
                                responses,
                                "429",
                                path.startsWith("/api/tasks/bulk/")
                                    ? "Too many bulk requests lately, or too many failed sign-ins of this user; Retry-After says when to try again"
                                    : "Too many failed sign-ins of this user lately; Retry-After says when to try again");
                            problem(
                                responses,
                                "503",
                                "A service behind the API did not answer; try again shortly");
                          }));
    };
  }

  private static void problem(ApiResponses responses, String status, String description) {
    if (!responses.containsKey(status)) {
      responses.addApiResponse(
          status,
          new ApiResponse()
              .description(description)
              .content(
                  new Content()
                      .addMediaType(
                          "application/problem+json",
                          new MediaType()
                              .schema(new Schema<>().$ref("#/components/schemas/Problem")))));
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    Schema fieldError =
        new ObjectSchema()
            .addProperty("field", new StringSchema())
            .addProperty("message", new StringSchema());
    return new ObjectSchema()
        .description("RFC 7807 problem details")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("errors", new ArraySchema().items(fieldError))
        .addProperty(
            "current", new ObjectSchema().description("the object as it is now, on a conflict"));
  }
}
