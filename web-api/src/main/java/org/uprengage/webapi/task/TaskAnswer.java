package org.uprengage.webapi.task;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answer of an operation that passes the engine's task through as it came (its bytes, see
 * {@code Backend.relay}): the OpenAPI document still describes it as the task.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "200",
    description = "OK",
    content =
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = TaskResources.Task.class)))
@interface TaskAnswer {}
