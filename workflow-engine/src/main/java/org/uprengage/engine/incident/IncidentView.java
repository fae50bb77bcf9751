package org.uprengage.engine.incident;

import java.time.Instant;

/**
 * An open incident as a platform admin sees it: what failed (the process, the step, the review),
 * when, with the error and the first part of its stack trace (a failed job's); retryable when a job
 * can be run again, or the incident is of a {@link RetryableIncidentType} (a deadline alert's,
 * whose message names the task).
 */
public record IncidentView(
    String id,
    String type,
    Instant openedAt,
    String message,
    String processDefinitionKey,
    String activityId,
    String processInstanceId,
    String reviewId,
    String jobId,
    String stacktrace,
    boolean retryable) {}
