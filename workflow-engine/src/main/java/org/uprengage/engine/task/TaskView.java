package org.uprengage.engine.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user task as a person sees it; {@code form} is given on the detail view only. */
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
    List<FormField> form) {}
