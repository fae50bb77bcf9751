package org.uprengage.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** The data of a deadline event ({@code org.uprengage.deadline.*.v1}) as this service reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineEvent(
    UUID reviewId,
    Long sequence,
    String milestone,
    String dueAt,
    Long daysLeft,
    String countryTeam,
    List<String> taskIds,
    List<String> candidateGroups,
    List<String> assignees,
    List<String> escalateTo,
    String oldDueOn,
    String newDueOn) {

  public static final String TYPE_PREFIX = "org.uprengage.deadline.";
  public static final String APPROACHING = "org.uprengage.deadline.approaching.v1";
  public static final String MISSED = "org.uprengage.deadline.missed.v1";

  public static final String CHANGED = "org.uprengage.deadline.changed.v1";

  /** Every deadline event names its review, milestone and country team; alerts also a due time. */
  void requireComplete(String type) {
    if (reviewId == null || milestone == null || countryTeam == null) {
      throw new PoisonEventException("a deadline event needs reviewId, milestone and countryTeam");
    }
    if ((APPROACHING.equals(type) || MISSED.equals(type)) && dueAt == null) {
      throw new PoisonEventException("a deadline alert needs dueAt");
    }
    if (CHANGED.equals(type) && newDueOn == null) {
      throw new PoisonEventException("a deadline change needs newDueOn");
    }
  }

  static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
