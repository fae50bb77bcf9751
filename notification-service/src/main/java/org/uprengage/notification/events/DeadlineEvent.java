package org.uprengage.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** The data of a deadline event ({@code org.uprengage.deadline.*.v1}) as this service reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineEvent(
    UUID reviewId,
    String milestone,
    String dueAt,
    Long daysLeft,
    String countryTeam,
    List<String> taskIds,
    List<String> candidateGroups,
    List<String> assignees,
    List<String> escalateTo) {

  public static final String TYPE_PREFIX = "org.uprengage.deadline.";
  public static final String APPROACHING = "org.uprengage.deadline.approaching.v1";
  public static final String MISSED = "org.uprengage.deadline.missed.v1";

  void requireComplete() {
    if (reviewId == null || milestone == null || countryTeam == null || dueAt == null) {
      throw new PoisonEventException(
          "a deadline event needs reviewId, milestone, dueAt and countryTeam");
    }
  }

  static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
