package org.uprengage.engine.recommendation;

import java.util.List;

/**
 * A coordinator assigned recommendations of the review to a lead agency and its supporting
 * agencies: the paragraphs whose assignment changed (those already so assigned are left out).
 */
public record RecommendationsAssigned(
    String leadAgency, List<String> supportingAgencies, List<String> paragraphs, String actor)
    implements RecommendationEvent {

  public static final String TYPE = "org.uprengage.review.recommendations-assigned.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
