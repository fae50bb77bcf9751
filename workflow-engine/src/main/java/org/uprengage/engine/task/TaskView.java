package org.uprengage.engine.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user task as a person sees it; {@code form} is given on the detail view only, and there too
 * {@code words}, for a task that drafts, consolidates or decides on the joint submission, {@code
 * recommendations}, for a task of an implementation round, and {@code previousRecommendations}, for
 * the plan of a review that took over the previous one's open recommendations. {@code version}
 * changes with every change of the task: send it back in If-Match to change the task only as you
 * saw it.
 */
public record TaskView(
    String id,
    String name,
    String taskKey,
    UUID reviewId,
    String country,
    Integer session,
    String assignee,
    List<String> candidateGroups,
    Instant created,
    Instant due,
    Instant followUp,
    String owner,
    String delegationState,
    Integer version,
    List<FormField> form,
    TaskWords words,
    List<TaskRecommendation> recommendations,
    PreviousRecommendationCounts previousRecommendations) {}
