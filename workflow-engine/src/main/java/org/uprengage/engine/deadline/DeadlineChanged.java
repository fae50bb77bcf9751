package org.uprengage.engine.deadline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A milestone moved, with the tasks due at it, or one task got a due date of its own.
 *
 * @param oldDueOn null where the task had no due date before
 * @param ownDateOf the task given a date of its own; null when a milestone moved (not published: it
 *     makes the subject)
 */
public record DeadlineChanged(
    String milestone,
    LocalDate oldDueOn,
    LocalDate newDueOn,
    String reason,
    String countryTeam,
    List<String> taskIds,
    @JsonIgnore String ownDateOf)
    implements DeadlineEvent {

  public static final String TYPE = "org.uprengage.deadline.changed.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String subject(UUID reviewId) {
    return "reviews/"
        + reviewId
        + (ownDateOf == null ? "/milestones/" + milestone : "/tasks/" + ownDateOf);
  }
}
