package org.uprengage.engine.recommendation;

/**
 * A coordinator imported a list of recommendations into the review's register: what it added,
 * updated and left unchanged, how many rows it refused, and how many the register holds now.
 */
public record RecommendationsImported(
    String format,
    int added,
    int updated,
    int unchanged,
    int rejected,
    int recommendations,
    String actor)
    implements RecommendationEvent {

  public static final String TYPE = "org.uprengage.review.recommendations-imported.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
