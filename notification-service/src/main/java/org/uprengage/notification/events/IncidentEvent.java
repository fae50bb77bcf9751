package org.uprengage.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * The data of {@code org.uprengage.review.incident-opened.v1} as this service reads it: a job of a
 * review's process failed its last retry, and which.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentEvent(
    UUID reviewId,
    Long sequence,
    String incidentId,
    String processDefinitionKey,
    String activityId,
    String message) {

  public static final String OPENED = "org.uprengage.review.incident-opened.v1";

  void requireComplete() {
    if (reviewId == null || incidentId == null || activityId == null) {
      throw new PoisonEventException("an incident event needs reviewId, incidentId and activityId");
    }
  }
}
