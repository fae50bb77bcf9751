package org.uprengage.engine.task;

import java.time.Instant;
import java.util.List;

/**
 * A user task as its events tell it.
 *
 * @param previousAssignee who held it before, where the change took it from someone
 * @param actor who made the change; null for the engine itself
 */
public record TaskSnapshot(
    String taskId,
    String taskKey,
    String taskName,
    String countryTeam,
    List<String> candidateGroups,
    String assignee,
    String previousAssignee,
    Instant dueDate,
    String actor) {}
