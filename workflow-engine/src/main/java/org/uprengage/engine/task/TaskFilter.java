package org.uprengage.engine.task;

import java.time.Instant;
import java.util.UUID;

/**
 * Which of the caller's tasks to list and in which order.
 *
 * @param show {@code mine} (assigned to the caller), {@code claimable} (offered to one of their
 *     groups, unassigned), {@code both} (the default), or {@code team} (every task of their country
 *     teams: coordinators and admins only)
 * @param dueBefore only tasks due before this instant; {@code overdue} means before now
 * @param text a piece of the task's name
 * @param sort {@code created} (the default) or {@code due}
 * @param stage only tasks of one stage of the review: {@code submission}, {@code review}, {@code
 *     adoption} or {@code follow-up}
 */
public record TaskFilter(
    UUID reviewId,
    String show,
    String taskKey,
    Instant dueBefore,
    String text,
    String sort,
    boolean descending,
    String stage) {

  public TaskFilter {
    show = show == null ? "both" : show;
    sort = sort == null ? "created" : sort;
  }
}
