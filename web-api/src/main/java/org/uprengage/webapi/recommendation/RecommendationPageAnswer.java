package org.uprengage.webapi.recommendation;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answer of an operation that passes the engine's page of recommendations through as it came
 * (its bytes, see {@code Backend.relay}): the OpenAPI document still describes it as the page.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "200",
    description = "OK",
    content =
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = RecommendationResources.RecommendationPage.class)))
@interface RecommendationPageAnswer {}
