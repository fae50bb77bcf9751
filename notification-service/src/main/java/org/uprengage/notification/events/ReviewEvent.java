package org.uprengage.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * The data of a review event ({@code org.uprengage.review.*.v1}) as this service reads it: the
 * review, its country (review started), the agency a decision concerns, and who acted.
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
    String startedBy,
    String decidedBy,
    String submittedBy,
    @JsonProperty("actor") String actedBy) {

  public static final String TYPE_PREFIX = "org.uprengage.review.";
  public static final String STARTED = "org.uprengage.review.started.v1";

  void requireComplete() {
    if (reviewId == null) {
      throw new PoisonEventException("a review event needs reviewId");
    }
  }

  String actor() {
    return decidedBy != null
        ? decidedBy
        : submittedBy != null ? submittedBy : startedBy != null ? startedBy : actedBy;
  }
}
