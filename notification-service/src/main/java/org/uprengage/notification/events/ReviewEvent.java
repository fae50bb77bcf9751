package org.uprengage.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The data of a review event ({@code org.uprengage.review.*.v1}) as this service reads it: the
 * review, its country (review started), the agency a decision concerns, the agencies given
 * recommendations (recommendations assigned), and who acted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewEvent(
    UUID reviewId,
    Long sequence,
    String country,
    String session,
    String stage,
    Integer round,
    String agency,
    String comments,
    String reference,
    String leadAgency,
    List<String> supportingAgencies,
    List<String> paragraphs,
    String startedBy,
    String decidedBy,
    String submittedBy,
    @JsonProperty("actor") String actedBy) {

  public static final String TYPE_PREFIX = "org.uprengage.review.";
  public static final String STARTED = "org.uprengage.review.started.v1";
  public static final String RECOMMENDATIONS_ASSIGNED =
      "org.uprengage.review.recommendations-assigned.v1";

  void requireComplete() {
    if (reviewId == null) {
      throw new PoisonEventException("a review event needs reviewId");
    }
  }

  /** The lead and the supporting agencies of recommendations assigned, the lead first. */
  List<String> assignedAgencies() {
    if (leadAgency == null || paragraphs == null || paragraphs.isEmpty()) {
      throw new PoisonEventException(
          "recommendations assigned need leadAgency and at least one paragraph");
    }
    List<String> agencies = new ArrayList<>();
    agencies.add(leadAgency);
    if (supportingAgencies != null) {
      agencies.addAll(supportingAgencies);
    }
    return agencies;
  }

  String actor() {
    return decidedBy != null
        ? decidedBy
        : submittedBy != null ? submittedBy : startedBy != null ? startedBy : actedBy;
  }
}
